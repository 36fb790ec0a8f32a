/**
 * A small fixture for the send-path unit tests: a kernel, a client environment and a fake remoting client
 * that answers like a name server and brokers after fixed latencies. Not a test file itself.
 */
import { Kernel, sleep, type Sim } from '../../../../src/sim/kernel/Kernel';
import { RandomSource } from '../../../../src/sim/kernel/random';
import type { InvokeCallback, RemotingClient } from '../../../../src/sim/remoting/RemotingClient';
import { RemotingCommand } from '../../../../src/sim/remoting/RemotingCommand';
import { ResponseFuture } from '../../../../src/sim/remoting/ResponseFuture';
import { ClientEnvironment } from '../../../../src/sim/client/ClientEnvironment';
import { DefaultMQProducer } from '../../../../src/sim/client/DefaultMQProducer';
import { JavaThrowable } from '../../../../src/sim/client/exceptions';
import type { SendMessageRequestHeader } from '../../../../src/sim/client/MQClientAPIImpl';
import { RequestCode, ResponseCode } from '../../../../src/sim/client/ResponseCode';
import type { TopicRouteData } from '../../../../src/sim/client/TopicRouteData';
import type { VersionId } from '../../../../src/sim/versions/VersionId';

export interface SentRequest {
  mode: 'sync' | 'async' | 'oneway';
  addr: string | null;
  code: number;
  header: SendMessageRequestHeader;
  bodyLength: number;
  timeout: number;
  at: number;
}

export interface FakeNetworkOptions {
  /** topic -> route; a missing topic answers TOPIC_NOT_EXIST. */
  routes?: Record<string, TopicRouteData>;
  nameServerLatency?: number;
  /** The broker's answer to each send, in order (default: SUCCESS after 10 ms). */
  replies?: { latency: number; code: number; remark?: string }[];
  /** Throw this from invokeSync to the name server instead of answering. */
  nameServerError?: () => Error;
  nameServerAddrs?: string[];
}

export class FakeRemotingClient implements RemotingClient {
  readonly sent: SentRequest[] = [];
  private replyIndex = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly options: FakeNetworkOptions,
    /** 5.x callbacks: operationSucceed/operationFail instead of operationComplete. */
    private readonly remoting5 = false,
  ) {}

  private nextReply(): { latency: number; code: number; remark?: string } {
    return this.options.replies?.[this.replyIndex++] ?? { latency: 10, code: ResponseCode.SUCCESS };
  }

  private responseFor(request: RemotingCommand, reply: { code: number; remark?: string }): RemotingCommand {
    const header = request.decodeCommandCustomHeader<SendMessageRequestHeader>();
    const response = RemotingCommand.createResponseCommand(reply.code, reply.remark ?? null, {
      msgId: 'OFFSET',
      queueId: header.queueId,
      queueOffset: 7,
    });
    response.setOpaque(request.getOpaque());
    return response;
  }

  private record(
    mode: SentRequest['mode'],
    addr: string | null,
    request: RemotingCommand,
    timeout: number,
  ): void {
    const body = request.getBody() as Uint8Array | null;
    if (this.sent.length < 1000)
      this.sent.push({
        mode,
        addr,
        code: request.getCode(),
        header: request.decodeCommandCustomHeader<SendMessageRequestHeader>(),
        bodyLength: body === null ? 0 : body.length,
        timeout,
        at: this.kernel.now(),
      });
  }

  *invokeSync(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<RemotingCommand> {
    if (request.getCode() === RequestCode.GET_ROUTEINFO_BY_TOPIC) {
      yield* sleep(this.options.nameServerLatency ?? 0);
      if (this.options.nameServerError) throw this.options.nameServerError();
      const topic = request.decodeCommandCustomHeader<{ topic: string }>().topic;
      const route = this.options.routes?.[topic];
      if (!route)
        return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST, `no route for ${topic}`);
      const response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
      response.setBody(structuredClone(route));
      return response;
    }
    this.record('sync', addr, request, timeoutMillis);
    const reply = this.nextReply();
    yield* sleep(reply.latency);
    return this.responseFor(request, reply);
  }

  *invokeAsync(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    callback: InvokeCallback,
  ): Sim<void> {
    this.record('async', addr, request, timeoutMillis);
    const reply = this.nextReply();
    const remoting5 = this.remoting5;
    const future = new ResponseFuture(
      this.kernel,
      `/${String(addr)}`,
      request.getOpaque(),
      request,
      timeoutMillis,
      callback,
    );
    const response = this.responseFor(request, reply);
    this.kernel.spawn(
      'callback',
      function* (): Sim<void> {
        future.putResponse(response);
        yield* future.executeInvokeCallback(remoting5);
      },
      { thread: 'NettyClientPublicExecutor_1', at: this.kernel.now() + reply.latency },
    );
  }

  *invokeOneway(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<void> {
    this.record('oneway', addr, request, timeoutMillis);
  }

  getNameServerAddressList(): readonly string[] {
    return this.options.nameServerAddrs ?? ['127.0.0.1:9876'];
  }

  updateNameServerAddressList(): void {}

  start(): void {}

  shutdown(): void {}
}

/** A route with the given brokers (index i at 127.0.0.1:10911+100i), all writeable masters. */
export function route(...brokers: [name: string, queues: number][]): TopicRouteData {
  return {
    orderTopicConf: null,
    queueDatas: brokers.map(([name, n]) => ({
      brokerName: name,
      readQueueNums: n,
      writeQueueNums: n,
      perm: 6,
    })),
    brokerDatas: brokers.map(([name], i) => ({
      cluster: 'DefaultCluster',
      brokerName: name,
      brokerAddrs: { '0': `127.0.0.1:${10911 + 100 * i}` },
    })),
  };
}

export interface Fixture {
  kernel: Kernel;
  env: ClientEnvironment;
  remoting: FakeRemotingClient;
  producer: DefaultMQProducer;
}

export function makeFixture(
  version: VersionId,
  network: FakeNetworkOptions = {},
  group = 'test_group',
  availableProcessors = 4,
): Fixture {
  const kernel = new Kernel();
  const random = new RandomSource(1);
  let remoting: FakeRemotingClient | null = null;
  const env = new ClientEnvironment({
    kernel,
    version,
    randomStream: (name) => random.stream(name),
    availableProcessors,
    createRemotingClient: () => (remoting ??= new FakeRemotingClient(kernel, network, version === '5.3.3')),
  });
  const producer = new DefaultMQProducer(env, group);
  const fixture = { kernel, env, producer } as Fixture;
  Object.defineProperty(fixture, 'remoting', {
    get: () => remoting ?? new FakeRemotingClient(kernel, network),
  });
  return fixture;
}

/** Runs `body` as the process "main" to completion and returns what it returned or threw. */
export function runMain<T>(kernel: Kernel, body: () => Sim<T>): { value?: T; error?: unknown } {
  const out: { value?: T; error?: unknown } = {};
  kernel.spawn(
    'main',
    function* (): Sim<void> {
      try {
        out.value = yield* body();
      } catch (e) {
        if (!(e instanceof JavaThrowable) && !(e instanceof Error && 'javaClass' in e)) throw e;
        out.error = e;
      }
    },
    { thread: 'main' },
  );
  kernel.run();
  return out;
}
