import type { MessageKey } from './en';

/** 简体中文。术语以 ../shared/course/glossary.md 为准；类名、方法名和字段名保留英文。 */
export const zhCN: Record<MessageKey, string> = {
  'app.name': 'SendPath',
  'app.tagline': '一步一步看清 RocketMQ 生产者如何发送一条消息',
  'app.skipToContent': '跳到面板',
  'lang.switch': '语言',
  'lang.zh': '中文',
  'lang.en': 'EN',
  'lang.zh.name': '中文',
  'lang.en.name': '英文',
  'theme.switch': '配色主题',
  'theme.light': '浅色',
  'theme.dark': '深色',
  'panel.topology': '拓扑',
  'panel.topology.placeholder':
    '生产者及其 MQClientInstance、NameServer，以及每个 Broker 和它的队列。RPC 将沿着这些连线移动。',
  'panel.queueSelection': '选择队列',
  'panel.queueSelection.placeholder':
    '消息队列列表、sendWhichQueue 索引，以及 MQFaultStrategy 检查过的每个候选队列和被跳过的原因。',
  'panel.threadPool': '线程池',
  'panel.threadPool.placeholder': '异步发送线程池：工作线程、有界任务队列，以及在超时前排队等待的任务。',
  'panel.timeoutBudget': '超时预算',
  'panel.timeoutBudget.placeholder':
    '把 sendMsgTimeout 分成排队等待、路由查询和每次尝试，并标出每一次超时预算检查。',
  'panel.callPath': '调用路径',
  'panel.callPath.placeholder':
    '游标处的上游调用栈，例如 DefaultMQProducer.send > DefaultMQProducerImpl.sendDefaultImpl。',
  'panel.eventLog': '事件日志',
  'panel.eventLog.placeholder': '每一个追踪事件，可按消息和类型过滤。',
  'panel.scenario': '场景',
  'panel.scenario.placeholder': 'Broker、Topic、生产者参数、版本、发送负载，以及时间线上的故障。',
  'panel.empty': '暂无内容',
};
