/** The page shell: header, switches and the panel landmarks. */
export const en = {
  'shell.app.name': 'SendPath',
  'shell.app.tagline': 'How a RocketMQ producer sends a message, step by step',
  'shell.app.skipToContent': 'Skip to the panels',
  'shell.lang.switch': 'Language',
  'shell.lang.zh': '中文',
  'shell.lang.en': 'EN',
  'shell.lang.zh.name': 'Chinese',
  'shell.lang.en.name': 'English',
  'shell.theme.switch': 'Colour theme',
  'shell.theme.light': 'Light',
  'shell.theme.dark': 'Dark',
  'shell.panel.topology': 'Topology',
  'shell.panel.topology.placeholder':
    'The producer and its MQClientInstance, the name server and each broker with its queues. RPCs will travel along the links here.',
  'shell.panel.queueSelection': 'Queue selection',
  'shell.panel.queueSelection.placeholder':
    'The message-queue list, the sendWhichQueue index and every candidate that MQFaultStrategy examines, with the reason it was skipped.',
  'shell.panel.threadPool': 'Thread pool',
  'shell.panel.threadPool.placeholder':
    'The async sender executor: its workers, its bounded queue, and tasks waiting against their timeout.',
  'shell.panel.timeoutBudget': 'Timeout budget',
  'shell.panel.timeoutBudget.placeholder':
    'sendMsgTimeout split into queue wait, route lookup and each attempt, with every budget check marked.',
  'shell.panel.callPath': 'Call path',
  'shell.panel.callPath.placeholder':
    'The upstream call stack at the cursor, for example DefaultMQProducer.send > DefaultMQProducerImpl.sendDefaultImpl.',
  'shell.panel.eventLog': 'Event log',
  'shell.panel.eventLog.placeholder': 'Every trace event, filterable by message and kind.',
  'shell.panel.scenario': 'Scenario',
  'shell.panel.scenario.placeholder':
    'Brokers, topics, producer settings, the version profile, the workload and faults on a timeline.',
  'shell.panel.empty': 'Nothing to show yet',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准；类名、方法名和字段名保留英文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'shell.app.name': 'SendPath',
  'shell.app.tagline': '一步一步看清 RocketMQ 生产者如何发送一条消息',
  'shell.app.skipToContent': '跳到面板',
  'shell.lang.switch': '语言',
  'shell.lang.zh': '中文',
  'shell.lang.en': 'EN',
  'shell.lang.zh.name': '中文',
  'shell.lang.en.name': '英文',
  'shell.theme.switch': '配色主题',
  'shell.theme.light': '浅色',
  'shell.theme.dark': '深色',
  'shell.panel.topology': '拓扑',
  'shell.panel.topology.placeholder':
    '生产者及其 MQClientInstance、NameServer，以及每个 Broker 和它的队列。RPC 将沿着这些连线移动。',
  'shell.panel.queueSelection': '选择队列',
  'shell.panel.queueSelection.placeholder':
    '消息队列列表、sendWhichQueue 索引，以及 MQFaultStrategy 检查过的每个候选队列和被跳过的原因。',
  'shell.panel.threadPool': '线程池',
  'shell.panel.threadPool.placeholder':
    '异步发送线程池：工作线程、有界任务队列，以及在超时前排队等待的任务。',
  'shell.panel.timeoutBudget': '超时预算',
  'shell.panel.timeoutBudget.placeholder':
    '把 sendMsgTimeout 分成排队等待、路由查询和每次尝试，并标出每一次超时预算检查。',
  'shell.panel.callPath': '调用路径',
  'shell.panel.callPath.placeholder':
    '游标处的上游调用栈，例如 DefaultMQProducer.send > DefaultMQProducerImpl.sendDefaultImpl。',
  'shell.panel.eventLog': '事件日志',
  'shell.panel.eventLog.placeholder': '每一个追踪事件，可按消息和类型过滤。',
  'shell.panel.scenario': '场景',
  'shell.panel.scenario.placeholder': 'Broker、Topic、生产者参数、版本、发送负载，以及时间线上的故障。',
  'shell.panel.empty': '暂无内容',
};
