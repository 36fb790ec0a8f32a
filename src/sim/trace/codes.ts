import type { CodeRef } from '../../trace/types';
import { code } from './TraceSink';

/**
 * The upstream code each trace event models, as shared constants (`{cls, method}`), one per place in the
 * world that emits. Class and method names are upstream's, at the tags the event's version follows.
 */
export const C = {
  // Application and facade.
  send: code('DefaultMQProducer', 'send'),
  sendOneway: code('DefaultMQProducer', 'sendOneway'),
  sendCallback: code('SendCallback', 'onSuccess'),
  sendCallbackFail: code('SendCallback', 'onException'),
  producerStart: code('DefaultMQProducerImpl', 'start'),
  producerShutdown: code('DefaultMQProducerImpl', 'shutdown'),
  // Producer internals.
  tryToFind: code('DefaultMQProducerImpl', 'tryToFindTopicPublishInfo'),
  sendDefaultImpl: code('DefaultMQProducerImpl', 'sendDefaultImpl'),
  sendSelectImpl: code('DefaultMQProducerImpl', 'sendSelectImpl'),
  sendKernelImpl: code('DefaultMQProducerImpl', 'sendKernelImpl'),
  asyncTask: code('DefaultMQProducerImpl', 'send'),
  executeAsyncMessageSend: code('DefaultMQProducerImpl', 'executeAsyncMessageSend'),
  semaphoreProcessor: code('BackpressureSendCallBack', 'semaphoreProcessor'),
  selectOneMessageQueue: code('MQFaultStrategy', 'selectOneMessageQueue'),
  updateFaultItem: code('MQFaultStrategy', 'updateFaultItem'),
  selectByHash: code('SelectMessageQueueByHash', 'select'),
  selectByRandom: code('SelectMessageQueueByRandom', 'select'),
  selectByMachineRoom: code('SelectMessageQueueByMachineRoom', 'select'),
  onExceptionImpl: code('MQClientAPIImpl', 'onExceptionImpl'),
  sendMessageAsync: code('MQClientAPIImpl', 'sendMessageAsync'),
  sendMessageSync: code('MQClientAPIImpl', 'sendMessageSync'),
  sendMessageOneway: code('MQClientAPIImpl', 'sendMessage'),
  getRouteInfo: code('MQClientAPIImpl', 'getTopicRouteInfoFromNameServer'),
  sendHeartbeat: code('MQClientAPIImpl', 'sendHeartbeat'),
  // Client instance.
  updateRoute: code('MQClientInstance', 'updateTopicRouteInfoFromNameServer'),
  scheduledTask: code('MQClientInstance', 'startScheduledTask'),
  heartbeatAll: code('MQClientInstance', 'sendHeartbeatToAllBrokerWithLock'),
  cleanOfflineBroker: code('MQClientInstance', 'cleanOfflineBroker'),
  // Executors and semaphores.
  runWorker: code('ThreadPoolExecutor', 'runWorker'),
  execute: code('ThreadPoolExecutor', 'execute'),
  semaphore: code('Semaphore', 'tryAcquire'),
  // Remoting client.
  getAndCreateChannel: code('NettyRemotingClient', 'getAndCreateChannel'),
  closeChannel: code('NettyRemotingClient', 'closeChannel'),
  invokeSync: code('NettyRemotingClient', 'invokeSync'),
  invokeAsync: code('NettyRemotingClient', 'invokeAsync'),
  invokeOneway: code('NettyRemotingClient', 'invokeOneway'),
  invokeSyncImpl: code('NettyRemotingAbstract', 'invokeSyncImpl'),
  invokeAsyncImpl: code('NettyRemotingAbstract', 'invokeAsyncImpl'),
  invokeOnewayImpl: code('NettyRemotingAbstract', 'invokeOnewayImpl'),
  processResponse: code('NettyRemotingAbstract', 'processResponseCommand'),
  scanResponseTable: code('NettyRemotingAbstract', 'scanResponseTable'),
  failFast: code('NettyRemotingAbstract', 'failFast'),
  executeInvokeCallback: code('NettyRemotingAbstract', 'executeInvokeCallback'),
  // Name server.
  getRouteInfoByTopic4: code('DefaultRequestProcessor', 'getRouteInfoByTopic'),
  getRouteInfoByTopic5: code('ClientRequestProcessor', 'getRouteInfoByTopic'),
  registerBroker: code('RouteInfoManager', 'registerBroker'),
  unregisterBroker: code('RouteInfoManager', 'unregisterBroker'),
  onChannelDestroy: code('RouteInfoManager', 'onChannelDestroy'),
  scanNotActiveBroker: code('RouteInfoManager', 'scanNotActiveBroker'),
  namesrvProcess: code('DefaultRequestProcessor', 'processRequest'),
  namesrvIdle: code('NettyRemotingServer', 'userEventTriggered'),
  // Broker.
  brokerStart: code('BrokerController', 'start'),
  brokerShutdown: code('BrokerController', 'shutdown'),
  brokerCrash: code('BrokerController', 'crash'),
  registerBrokerAll: code('BrokerController', 'registerBrokerAll'),
  unregisterBrokerAll: code('BrokerController', 'unregisterBrokerAll'),
  sendProcessRequest: code('SendMessageProcessor', 'processRequest'),
  rejectRequest: code('SendMessageProcessor', 'rejectRequest'),
  remotingReject: code('NettyRemotingAbstract', 'processRequestCommand'),
  fastFailure: code('BrokerFastFailure', 'cleanExpiredRequest'),
  msgCheck: code('AbstractSendMessageProcessor', 'msgCheck'),
  createTopic: code('TopicConfigManager', 'createTopicInSendMessageMethod'),
  putMessage452: code('CommitLog', 'putMessage'),
  putMessageAsync: code('CommitLog', 'asyncPutMessage'),
  handlePutMessageResult: code('SendMessageProcessor', 'handlePutMessageResult'),
  heartbeat: code('ClientManageProcessor', 'heartBeat'),
  haState: code('HAService', 'isSlaveOK'),
  // Simulation-level (no upstream class): faults, the end.
  fault: code('Scenario', 'fault'),
  start: code('Simulation', 'start'),
  end: code('Simulation', 'end'),
  error: code('Simulation', 'error'),
} as const satisfies Record<string, CodeRef>;
