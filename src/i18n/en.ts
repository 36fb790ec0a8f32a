/**
 * English strings. This dictionary is the list of keys: `zh-CN` must have exactly the same keys (the type
 * system and a unit test both check). Code names such as `sendDefaultImpl` stay in English in both languages.
 */
export const en = {
  'app.name': 'SendPath',
  'app.tagline': 'How a RocketMQ producer sends a message, step by step',
  'app.skipToContent': 'Skip to the panels',
  'lang.switch': 'Language',
  'lang.zh': '中文',
  'lang.en': 'EN',
  'lang.zh.name': 'Chinese',
  'lang.en.name': 'English',
  'theme.switch': 'Colour theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'panel.topology': 'Topology',
  'panel.topology.placeholder':
    'The producer and its MQClientInstance, the name server and each broker with its queues. RPCs will travel along the links here.',
  'panel.queueSelection': 'Queue selection',
  'panel.queueSelection.placeholder':
    'The message-queue list, the sendWhichQueue index and every candidate that MQFaultStrategy examines, with the reason it was skipped.',
  'panel.threadPool': 'Thread pool',
  'panel.threadPool.placeholder':
    'The async sender executor: its workers, its bounded queue, and tasks waiting against their timeout.',
  'panel.timeoutBudget': 'Timeout budget',
  'panel.timeoutBudget.placeholder':
    'sendMsgTimeout split into queue wait, route lookup and each attempt, with every budget check marked.',
  'panel.callPath': 'Call path',
  'panel.callPath.placeholder':
    'The upstream call stack at the cursor, for example DefaultMQProducer.send > DefaultMQProducerImpl.sendDefaultImpl.',
  'panel.eventLog': 'Event log',
  'panel.eventLog.placeholder': 'Every trace event, filterable by message and kind.',
  'panel.scenario': 'Scenario',
  'panel.scenario.placeholder':
    'Brokers, topics, producer settings, the version profile, the workload and faults on a timeline.',
  'panel.empty': 'Nothing to show yet',
} as const;

export type MessageKey = keyof typeof en;
