/** Prediction mode: the player stops before a queue selection, a budget check or a store and asks. */
export const en = {
  'prediction.toggle': 'Predict',
  'prediction.toggle.hint':
    'Stop before each queue selection, budget check and broker store and ask for a prediction',
  'prediction.score': '{correct}/{asked}',
  'prediction.score.label': 'Predictions: {correct} correct of {asked}',
  'prediction.reset': 'Reset score',
  'prediction.dialog': 'Predict the next event',
  'prediction.event': 'Event {n}: {kind}',
  'prediction.queue.question': 'Which queue will attempt {attempt} of message {msg} go to?',
  'prediction.budget.question': 'Will the timeout budget check in {where} pass?',
  'prediction.budget.numbers': 'Spent so far: {cost} ms. Timeout: {timeout} ms.',
  'prediction.duplicate.question': 'Broker {queue} is about to store message {msg}. Is it a duplicate?',
  'prediction.duplicate.numbers': 'This message was stored {n} time(s) before.',
  'prediction.yes': 'Yes',
  'prediction.no': 'No',
  'prediction.keys': 'Press 1 to {n} to answer.',
  'prediction.correct': '✓ Correct',
  'prediction.wrong': '✗ Not this time',
  'prediction.truth': 'Answer: {answer}. You said: {choice}.',
  'prediction.explain.queue': '{method} took sendWhichQueue = {index} and chose {queue}.',
  'prediction.explain.queue.retry':
    'This is a retry after {last}: the selection avoids the broker that just failed when it can.',
  'prediction.explain.queue.skipped': 'Skipped: {list}.',
  'prediction.explain.budget.ok': '{cost} ms spent is within the {timeout} ms budget, so the send goes on.',
  'prediction.explain.budget.fail':
    '{cost} ms spent leaves nothing of the {timeout} ms budget: the send ends with a timeout and no further attempt.',
  'prediction.explain.duplicate.yes':
    'The message was already stored: a retry after a lost or late reply stores it again, so a consumer receives it twice.',
  'prediction.explain.duplicate.no': "The first time this message reaches a broker's commit log.",
  'prediction.continue': 'Continue',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准。 */
export const zhCN: Record<keyof typeof en, string> = {
  'prediction.toggle': '预测',
  'prediction.toggle.hint': '在每次选择队列、超时预算检查和 Broker 存储之前暂停，请你先预测',
  'prediction.score': '{correct}/{asked}',
  'prediction.score.label': '预测：{asked} 题中答对 {correct} 题',
  'prediction.reset': '重置得分',
  'prediction.dialog': '预测下一个事件',
  'prediction.event': '第 {n} 个事件：{kind}',
  'prediction.queue.question': '消息 {msg} 的第 {attempt} 次尝试会选择哪个队列？',
  'prediction.budget.question': '{where} 中的超时预算检查会通过吗？',
  'prediction.budget.numbers': '已耗时 {cost} ms，超时时间 {timeout} ms。',
  'prediction.duplicate.question': 'Broker {queue} 即将存储消息 {msg}。这是重复消息吗？',
  'prediction.duplicate.numbers': '这条消息之前已存储 {n} 次。',
  'prediction.yes': '是',
  'prediction.no': '否',
  'prediction.keys': '按 1 到 {n} 作答。',
  'prediction.correct': '✓ 答对了',
  'prediction.wrong': '✗ 这次没猜中',
  'prediction.truth': '答案：{answer}。你的回答：{choice}。',
  'prediction.explain.queue': '{method} 取 sendWhichQueue = {index}，选择了 {queue}。',
  'prediction.explain.queue.retry': '这是在 {last} 失败后的重试：选择队列时会尽量避开刚失败的 Broker。',
  'prediction.explain.queue.skipped': '跳过：{list}。',
  'prediction.explain.budget.ok': '已耗时 {cost} ms，仍在 {timeout} ms 的超时预算之内，发送继续。',
  'prediction.explain.budget.fail':
    '已耗时 {cost} ms，{timeout} ms 的超时预算已用完：发送以超时结束，不再重试。',
  'prediction.explain.duplicate.yes':
    '这条消息已经存储过：回复丢失或迟到后的重试又存了一次，消费者会收到两次（重复消息）。',
  'prediction.explain.duplicate.no': '这条消息第一次写入 Broker 的 CommitLog。',
  'prediction.continue': '继续',
};
