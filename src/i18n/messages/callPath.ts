/** The Call path panel: the upstream stack at the cursor, its source file and what the step does. */
export const en = {
  'callPath.empty': 'Step forward to see the first call.',
  'callPath.stack': 'Call stack at the cursor',
  'callPath.thread': 'Thread',
  'callPath.thread.caller': 'the caller’s thread',
  'callPath.thread.asyncSender': 'an AsyncSenderExecutor worker',
  'callPath.thread.callback': 'the callback executor (NettyClientPublicExecutor)',
  'callPath.thread.nettyIo': 'a Netty I/O thread',
  'callPath.thread.scheduler': 'the client’s scheduled tasks (MQClientFactoryScheduledThread)',
  'callPath.thread.broker': 'the broker',
  'callPath.thread.namesrv': 'the name server',
  'callPath.thread.simulator': 'the simulator (not upstream code)',
  'callPath.role.task': 'executor task',
  'callPath.role.callback': 'callback',
  'callPath.source': 'Source in RocketMQ {version}',
  'callPath.source.jdk': 'A JDK class: {name}',
  'callPath.source.unknown': 'Not an upstream class: a step of the simulator itself.',
  'callPath.source.link': 'Open {path} at rocketmq-all-{version} on GitHub (new tab)',
  'callPath.explanation': 'What happens here',
  'callPath.otherLanguage': '中文',
  'callPath.event': 'Event {seq} · {kind} · t = {t} ms',
  'callPath.reason.notAvailable': 'not available until t = {at} ms',
  'callPath.reason.notAvailableNoTime': 'not available',
  'callPath.reason.sameBroker': 'same broker as the last attempt',
  'callPath.reason.notReachable': 'not reachable',
  'callPath.reason.filtered': 'filtered out',
  'callPath.reason.other': '{reason}',
  'callPath.explain.sendCall.SYNC':
    'The application calls send() for message {msg} (SYNC, topic {topic}). DefaultMQProducer is a facade: it hands the message to DefaultMQProducerImpl, whose sendDefaultImpl makes up to 1 + retryTimesWhenSendFailed attempts, all within one budget of {timeoutMs} ms.',
  'callPath.explain.sendCall.ASYNC':
    'The application calls send() with a callback for message {msg} (ASYNC, topic {topic}). In 4.x this only submits a task to the AsyncSenderExecutor and returns at once; the time the task waits in the queue already counts against the {timeoutMs} ms timeout.',
  'callPath.explain.sendCall.ONEWAY':
    'The application calls sendOneway() for message {msg} (topic {topic}): one attempt, no reply is awaited, no retry; sendMsgTimeout ({timeoutMs} ms) still bounds the attempt.',
  'callPath.explain.executorEnqueue':
    'The send task of message {msg} joins the executor’s queue ({queued} waiting). Nothing has been validated yet, and the caller’s thread is already free again.',
  'callPath.explain.executorRun':
    '{worker} takes the task of message {msg} after {waitedMs} ms in the queue. That wait is part of the message’s timeout: the task first checks how much of it is left.',
  'callPath.explain.executorReject':
    'The executor refuses the task of message {msg}: its queue is full. submit() throws RejectedExecutionException, the caller gets MQClientException "executor rejected", and the callback is never called.',
  'callPath.explain.routeLookup.cache':
    'tryToFindTopicPublishInfo finds the route of {topic} in the producer’s own table (topicPublishInfoTable): no call to the name server.',
  'callPath.explain.routeLookup.namesrv':
    'The producer has no usable route for {topic}, so tryToFindTopicPublishInfo asks the name server (updateTopicRouteInfoFromNameServer). The time it takes is charged to the send’s budget.',
  'callPath.explain.routeLookup.defaultTopic':
    'The name server has no route for {topic}; the producer falls back to the route of the default topic TBW102, so that a broker with autoCreateTopicEnable can create the topic on the first send.',
  'callPath.explain.routeLookup.none':
    'No route for {topic} anywhere: the send fails with "No route info of this topic".',
  'callPath.explain.routeUpdate':
    'The producer stores the route of {topic} it just received (topicRouteData2TopicPublishInfo): {queues} write queues. Until the next refresh it keeps believing this route, even if a broker dies.',
  'callPath.explain.queueSelect.first':
    'Attempt {attempt} of message {msg}: MQFaultStrategy.selectOneMessageQueue takes the next queue in round robin (sendWhichQueue index {index}) and chooses {broker}:{queueId}.',
  'callPath.explain.queueSelect.skipped':
    'Attempt {attempt} of message {msg}: from sendWhichQueue index {index}, MQFaultStrategy skips {skipped} and chooses {broker}:{queueId}.',
  'callPath.explain.queueSelect.retry':
    'Attempt {attempt} of message {msg} (a retry; the last attempt went to {last}): selectOneMessageQueue continues the round robin from index {index} and chooses {broker}:{queueId}.',
  'callPath.explain.queueSelect.retrySkipped':
    'Attempt {attempt} of message {msg} (a retry; the last attempt went to {last}): from index {index}, MQFaultStrategy skips {skipped} and chooses {broker}:{queueId}.',
  'callPath.explain.budgetCheck.ok':
    'Budget check in {where} for message {msg}: {costMs} ms spent of {timeoutMs} ms, so the send goes on with {leftMs} ms left for the next step.',
  'callPath.explain.budgetCheck.fail':
    'Budget check in {where} for message {msg}: {costMs} ms spent against {timeoutMs} ms, so the timeout is used up. The send stops here with RemotingTooMuchRequestException ("call timeout"); no further attempt is made.',
  'callPath.explain.rpcSend': '{from} sends {name} to {to} (request {rpcId}).',
  'callPath.explain.rpcArrive': 'Request {rpcId} ({name}) arrives at {to}.',
  'callPath.explain.rpcResponse.ok': '{from} answers request {rpcId} ({name}) with code {code}: success.',
  'callPath.explain.rpcResponse.error':
    '{from} answers request {rpcId} ({name}) with code {code}: a refusal. MQClientAPIImpl.processSendResponse turns a send refusal into MQBrokerException.',
  'callPath.explain.rpcTimeout':
    'No answer to request {rpcId} ({name}) in time: the caller gets RemotingTimeoutException (a late reply is dropped).',
  'callPath.explain.brokerStore':
    '{broker} appends message {msg} to its CommitLog: queue {queueId} of {topic}, offset {offset}.',
  'callPath.explain.brokerStore.duplicate':
    '{broker} stores message {msg} a second time (queue {queueId}, offset {offset}): an earlier attempt was stored but its reply was lost or late, so the retry created a duplicate. RocketMQ delivers at least once: consumers must be idempotent.',
  'callPath.explain.faultUpdate.isolated':
    'updateFaultItem records {broker} after a failed attempt: its latency of {latencyMs} ms counts as 30,000 ms (isolation), so the broker is not available for {notAvailableMs} ms, until t = {availableAt} ms.',
  'callPath.explain.faultUpdate.barred':
    'updateFaultItem records a latency of {latencyMs} ms for {broker}: long enough that the broker is not available for {notAvailableMs} ms, until t = {availableAt} ms.',
  'callPath.explain.faultUpdate.ok':
    'updateFaultItem records a latency of {latencyMs} ms for {broker}: short enough (under 550 ms) that the broker stays available.',
  'callPath.explain.attemptEnd.ok': 'Attempt {attempt} of message {msg} ends with {outcome}.',
  'callPath.explain.attemptEnd.fail':
    'Attempt {attempt} of message {msg} fails: {outcome} ({error}). sendDefaultImpl records the broker’s latency and, for a SYNC send, tries another attempt if attempts and budget remain.',
  'callPath.explain.sendResult.ok': 'send() returns {status} for message {msg} after {costMs} ms.',
  'callPath.explain.sendResult.okCallback':
    'The callback’s onSuccess receives {status} for message {msg}, {costMs} ms after send() was called.',
  'callPath.explain.sendResult.notOk':
    'The broker stored message {msg} but answered {status}: the requested flush or replication was not confirmed. By default the producer returns this result as it is, without a retry.',
  'callPath.explain.sendResult.exception':
    'The send of message {msg} fails after {costMs} ms: {exception}: {message}. The exception is thrown to the caller.',
  'callPath.explain.sendResult.exceptionCallback':
    'The send of message {msg} fails after {costMs} ms: {exception}: {message}. The exception goes to the callback’s onException, not to the caller.',
  'callPath.explain.simEnd': 'The simulation ends. Messages still without a result: {count}.',
  'callPath.explain.namesrvRegister':
    '{broker} registers with the name server (RouteInfoManager.registerBroker), listing its topics; it repeats this every 30 s.',
  'callPath.explain.producerState': 'The producer’s ServiceState becomes {state}.',
  'callPath.explain.faultInject': 'The scenario injects a fault: {target} becomes {fault}.',
  'callPath.explain.brokerState': '{broker} is now {state}.',
  'callPath.explain.channelConnect.ok': 'The producer connects to {to} ({addr}) in {costMs} ms.',
  'callPath.explain.channelConnect.fail':
    'Connecting to {to} ({addr}) fails after {costMs} ms: {error}. In 4.x the connect blocks the calling thread for up to connectTimeoutMillis, and that time comes out of the send’s budget.',
  'callPath.explain.generic': 'Event {kind}, modelled on {cls}.{method}.',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准；类名、方法名和字段名保留英文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'callPath.empty': '按“下一步”查看第一个调用。',
  'callPath.stack': '游标处的调用栈',
  'callPath.thread': '线程',
  'callPath.thread.caller': '调用方线程',
  'callPath.thread.asyncSender': 'AsyncSenderExecutor 工作线程',
  'callPath.thread.callback': '回调线程池（NettyClientPublicExecutor）',
  'callPath.thread.nettyIo': 'Netty I/O 线程',
  'callPath.thread.scheduler': '客户端定时任务（MQClientFactoryScheduledThread）',
  'callPath.thread.broker': 'Broker',
  'callPath.thread.namesrv': 'NameServer',
  'callPath.thread.simulator': '模拟器（不是上游代码）',
  'callPath.role.task': '线程池任务',
  'callPath.role.callback': '回调',
  'callPath.source': 'RocketMQ {version} 中的源码',
  'callPath.source.jdk': 'JDK 类：{name}',
  'callPath.source.unknown': '不是上游的类：这是模拟器自身的一步。',
  'callPath.source.link': '在 GitHub 上打开 rocketmq-all-{version} 的 {path}（新标签页）',
  'callPath.explanation': '这一步发生了什么',
  'callPath.otherLanguage': 'English',
  'callPath.event': '事件 {seq} · {kind} · t = {t} 毫秒',
  'callPath.reason.notAvailable': '在 t = {at} 毫秒之前不可用',
  'callPath.reason.notAvailableNoTime': '不可用',
  'callPath.reason.sameBroker': '与上一次尝试是同一个 Broker',
  'callPath.reason.notReachable': '不可达',
  'callPath.reason.filtered': '被过滤',
  'callPath.reason.other': '{reason}',
  'callPath.explain.sendCall.SYNC':
    '应用为消息 {msg} 调用 send()（同步发送，Topic {topic}）。DefaultMQProducer 是门面：它把消息交给 DefaultMQProducerImpl，由 sendDefaultImpl 在同一个 {timeoutMs} 毫秒的超时预算内最多尝试 1 + retryTimesWhenSendFailed 次。',
  'callPath.explain.sendCall.ASYNC':
    '应用为消息 {msg} 调用带回调的 send()（异步发送，Topic {topic}）。在 4.x 中它只是向 AsyncSenderExecutor 提交一个任务就立即返回；任务在队列中等待的时间已经计入 {timeoutMs} 毫秒的超时。',
  'callPath.explain.sendCall.ONEWAY':
    '应用为消息 {msg} 调用 sendOneway()（单向发送，Topic {topic}）：只尝试一次，不等待响应，也不重试；这次尝试仍受 sendMsgTimeout（{timeoutMs} 毫秒）限制。',
  'callPath.explain.executorEnqueue':
    '消息 {msg} 的发送任务进入线程池的任务队列（{queued} 个在等待）。此时还没有做任何校验，调用方线程已经返回。',
  'callPath.explain.executorRun':
    '{worker} 在任务排队 {waitedMs} 毫秒后取出消息 {msg} 的任务。排队时间也算在超时里：任务先检查还剩多少超时预算。',
  'callPath.explain.executorReject':
    '线程池拒绝了消息 {msg} 的任务：任务队列已满。submit() 抛出 RejectedExecutionException，调用方收到 MQClientException "executor rejected"，回调永远不会被调用。',
  'callPath.explain.routeLookup.cache':
    'tryToFindTopicPublishInfo 在生产者自己的表（topicPublishInfoTable）里找到了 {topic} 的路由：不需要请求 NameServer。',
  'callPath.explain.routeLookup.namesrv':
    '生产者没有 {topic} 可用的路由，于是 tryToFindTopicPublishInfo 向 NameServer 查询（updateTopicRouteInfoFromNameServer）。查询耗时计入这次发送的超时预算。',
  'callPath.explain.routeLookup.defaultTopic':
    'NameServer 没有 {topic} 的路由；生产者改用默认 Topic TBW102 的路由，这样开启了 autoCreateTopicEnable 的 Broker 会在第一次发送时自动创建 Topic。',
  'callPath.explain.routeLookup.none':
    '到处都没有 {topic} 的路由：发送失败，报 "No route info of this topic"。',
  'callPath.explain.routeUpdate':
    '生产者保存刚收到的 {topic} 路由信息（topicRouteData2TopicPublishInfo）：{queues} 个写队列。在下次刷新之前，即使某个 Broker 宕机，它也一直相信这份路由。',
  'callPath.explain.queueSelect.first':
    '消息 {msg} 的第 {attempt} 次尝试：MQFaultStrategy.selectOneMessageQueue 按轮询取下一个队列（sendWhichQueue 索引 {index}），选中 {broker}:{queueId}。',
  'callPath.explain.queueSelect.skipped':
    '消息 {msg} 的第 {attempt} 次尝试：从 sendWhichQueue 索引 {index} 开始，MQFaultStrategy 跳过 {skipped}，选中 {broker}:{queueId}。',
  'callPath.explain.queueSelect.retry':
    '消息 {msg} 的第 {attempt} 次尝试（重试；上一次发往 {last}）：selectOneMessageQueue 从索引 {index} 继续轮询，选中 {broker}:{queueId}。',
  'callPath.explain.queueSelect.retrySkipped':
    '消息 {msg} 的第 {attempt} 次尝试（重试；上一次发往 {last}）：从索引 {index} 开始，MQFaultStrategy 跳过 {skipped}，选中 {broker}:{queueId}。',
  'callPath.explain.budgetCheck.ok':
    '{where} 中对消息 {msg} 的超时预算检查：{timeoutMs} 毫秒中已用 {costMs} 毫秒，发送继续，下一步还剩 {leftMs} 毫秒。',
  'callPath.explain.budgetCheck.fail':
    '{where} 中对消息 {msg} 的超时预算检查：已用 {costMs} 毫秒，超时为 {timeoutMs} 毫秒，预算已经耗尽。发送在这里以 RemotingTooMuchRequestException（"call timeout"）结束，不再尝试。',
  'callPath.explain.rpcSend': '{from} 向 {to} 发送 {name}（请求 {rpcId}）。',
  'callPath.explain.rpcArrive': '请求 {rpcId}（{name}）到达 {to}。',
  'callPath.explain.rpcResponse.ok': '{from} 以响应码 {code} 回复请求 {rpcId}（{name}）：成功。',
  'callPath.explain.rpcResponse.error':
    '{from} 以响应码 {code} 回复请求 {rpcId}（{name}）：被拒绝。MQClientAPIImpl.processSendResponse 会把发送被拒绝转换成 MQBrokerException。',
  'callPath.explain.rpcTimeout':
    '请求 {rpcId}（{name}）没有按时收到响应：调用方得到 RemotingTimeoutException（迟到的响应会被丢弃）。',
  'callPath.explain.brokerStore':
    '{broker} 把消息 {msg} 追加到 CommitLog：{topic} 的队列 {queueId}，位点 {offset}。',
  'callPath.explain.brokerStore.duplicate':
    '{broker} 第二次存储消息 {msg}（队列 {queueId}，位点 {offset}）：之前的一次尝试其实已经存储成功，但响应丢失或迟到，重试产生了重复消息。RocketMQ 保证至少投递一次：消费者必须幂等。',
  'callPath.explain.faultUpdate.isolated':
    'updateFaultItem 在一次失败的尝试后记录 {broker}：{latencyMs} 毫秒的延迟按 30,000 毫秒计算（隔离），因此该 Broker 不可用时长 {notAvailableMs} 毫秒，直到 t = {availableAt} 毫秒。',
  'callPath.explain.faultUpdate.barred':
    'updateFaultItem 为 {broker} 记录 {latencyMs} 毫秒的延迟：足够长，该 Broker 不可用时长 {notAvailableMs} 毫秒，直到 t = {availableAt} 毫秒。',
  'callPath.explain.faultUpdate.ok':
    'updateFaultItem 为 {broker} 记录 {latencyMs} 毫秒的延迟：足够短（低于 550 毫秒），该 Broker 仍然可用。',
  'callPath.explain.attemptEnd.ok': '消息 {msg} 的第 {attempt} 次尝试以 {outcome} 结束。',
  'callPath.explain.attemptEnd.fail':
    '消息 {msg} 的第 {attempt} 次尝试失败：{outcome}（{error}）。sendDefaultImpl 记录该 Broker 的延迟；如果是同步发送，且还有尝试次数和超时预算，就再试一次。',
  'callPath.explain.sendResult.ok': 'send() 在 {costMs} 毫秒后为消息 {msg} 返回 {status}。',
  'callPath.explain.sendResult.okCallback':
    '回调的 onSuccess 收到消息 {msg} 的 {status}，距调用 send() 已过 {costMs} 毫秒。',
  'callPath.explain.sendResult.notOk':
    'Broker 已存储消息 {msg}，但回复 {status}：所要求的刷盘或主从同步没有得到确认。默认情况下生产者原样返回这个结果，不会重试。',
  'callPath.explain.sendResult.exception':
    '消息 {msg} 在 {costMs} 毫秒后发送失败：{exception}：{message}。异常抛给调用方。',
  'callPath.explain.sendResult.exceptionCallback':
    '消息 {msg} 在 {costMs} 毫秒后发送失败：{exception}：{message}。异常交给回调的 onException，而不是抛给调用方。',
  'callPath.explain.simEnd': '模拟结束。仍没有结果的消息：{count} 条。',
  'callPath.explain.namesrvRegister':
    '{broker} 向 NameServer 注册（RouteInfoManager.registerBroker），并列出它的 Topic；之后每 30 秒重复一次。',
  'callPath.explain.producerState': '生产者的 ServiceState 变为 {state}。',
  'callPath.explain.faultInject': '场景注入故障：{target} 变为 {fault}。',
  'callPath.explain.brokerState': '{broker} 现在是 {state}。',
  'callPath.explain.channelConnect.ok': '生产者在 {costMs} 毫秒内连上 {to}（{addr}）。',
  'callPath.explain.channelConnect.fail':
    '连接 {to}（{addr}）在 {costMs} 毫秒后失败：{error}。在 4.x 中，建立连接会阻塞调用线程，最长 connectTimeoutMillis，这段时间从发送的超时预算里扣除。',
  'callPath.explain.generic': '事件 {kind}，对应 {cls}.{method}。',
};
