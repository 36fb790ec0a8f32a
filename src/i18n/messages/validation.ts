/**
 * Scenario validation messages (`src/scenario/validate.ts`), one per error code. The English text is also
 * what `npm run sim` prints: `src/scenario/errorCodes.ts` builds `ScenarioError.message` from `en` below,
 * so a change here changes the CLI's output. Placeholders hold numbers, names, paths and code names, which
 * stay as they are in both languages; `{unit}`, `{what}`, `{noun}`, `{found}` and `{note}` hold a `validation.noun.*`
 * id, translated in turn; `{detail}` holds a nested message.
 */
export const en = {
  // Values of one field (the schema).
  'validation.int.range': 'must be a whole number from {min} to {max} ({unit})',
  'validation.number.msPositive':
    'must be a number of milliseconds above 0 and at most {max} (fractions allowed)',
  'validation.number.msRange': 'must be a number of milliseconds from 0 to {max} (fractions allowed)',
  'validation.number.ms': 'must be a number of milliseconds from 0 to {max}',
  'validation.number.rate': 'must be a number of sends per second above 0 and at most {max}',
  'validation.bool': 'must be true or false',
  'validation.enum': 'must be one of {options}',
  'validation.text.max': 'must be a {what} of at most {max} characters',
  'validation.text.schemaUrl': 'must be a text (a URL of the JSON Schema)',
  'validation.name.pattern': "must be a {what} of 1 to {max} letters, digits, '-' or '_'",
  'validation.name.topic':
    "must be a topic name of 1 to {max} characters from letters, digits, '%', '|', '-' and '_'",
  'validation.name.reserved':
    '{value} cannot be a {what}: it is a property name of every JavaScript object; choose another name',
  'validation.object.unknownKey': 'unknown key; allowed keys here: {allowed}',
  'validation.object.type': 'must be an object with the keys {allowed}',
  'validation.list.range': 'must be a list of {min} to {max} {noun}',
  'validation.list.max': 'must be a list of at most {max} {noun}',
  'validation.latency.atLeast': 'must be at least {field}',
  'validation.latency.kind':
    'must be one of "fixed" (with ms), "uniform" (with minMs, maxMs) or "lognormal" (with medianMs, p99Ms)',
  'validation.latency.type':
    'must be a latency distribution: {"kind": "fixed", "ms": 1}, {"kind": "uniform", "minMs": 1, "maxMs": 3} or {"kind": "lognormal", "medianMs": 1, "p99Ms": 20}',
  'validation.brokerRef':
    'must name a broker: its name ("broker-a", the master) or name@brokerId for a slave ("broker-a@1")',
  'validation.endpoint':
    'must be "producer", "namesrv", a broker name ("broker-a", the master) or name@brokerId for a slave ("broker-a@1")',
  'validation.link.pair': 'must be a pair of endpoints such as ["producer", "broker-a"]',
  'validation.address': 'must be an address "ip:port" such as "10.0.0.1:10911"',
  'validation.address.port': 'the port must be at most 65535',
  'validation.brokerPermission': 'must be 6 (read and write), 4 (read only) or 2 (write only)',
  'validation.orderTopicConf':
    'must be written as upstream writes it: brokerName:queueNums pairs joined by ";", e.g. "broker-a:4;broker-b:4"',
  'validation.fault.kind':
    'must be one of "crash", "shutdown", "up", "slow", "busy", "partition", "heal", "flushTimeout", "dropReply"',
  'validation.fault.type':
    'must be a fault object such as {"atMs": 1000, "kind": "crash", "broker": "broker-a"}',
  'validation.narration.at':
    'must be a step index (a whole number from 0) or an event selector {"kind": "send.result", "msgId": "...", "nth": 1}',
  'validation.version.newer':
    'format version {given} is newer than this SendPath understands (it reads version {supported}); update SendPath',
  'validation.version.wrong': 'must be {supported}, the scenario format version',
  'validation.schema.other': '{detail}',

  // The input as a whole.
  'validation.input.unreadable': 'the scenario could not be read: {detail}',
  'validation.input.notText': 'expected JSON text',
  'validation.input.textTooLong': 'the text is {length} characters long; a scenario may have at most {max}',
  'validation.input.textUnreadable': 'the text could not be read: {detail}',
  'validation.input.tooManyValues':
    'the scenario holds more than {max} values; that is far beyond any valid one',
  'validation.input.tooDeep': 'nested deeper than {max} levels; a valid scenario needs fewer than 10',
  'validation.input.listTooLong': 'a list of {length} items; no list in a scenario may hold more than {max}',
  'validation.input.moreErrors': '… and {n} more errors',

  // JSON syntax: `json.invalid` says where, its {detail} is one of the `jsonDetail.*` below.
  'validation.json.invalid': 'invalid JSON at line {line}, column {column}: {detail}',
  'validation.jsonDetail.hexEscape': '\\u must be followed by four hex digits',
  'validation.jsonDetail.badEscape': "invalid escape '\\{char}' in a string",
  'validation.jsonDetail.controlChar':
    'a control character (such as a line break) inside a string; write it as \\n',
  'validation.jsonDetail.unclosedString': 'a string is not closed (missing ")',
  'validation.jsonDetail.endInsteadOfValue': 'the text ends where a value was expected',
  'validation.jsonDetail.trailingCommaItem':
    "a ',' must be followed by another item (JSON allows no trailing comma)",
  'validation.jsonDetail.trailingCommaProperty':
    "a ',' must be followed by another property (JSON allows no trailing comma)",
  'validation.jsonDetail.tooDeep': 'nested deeper than {max} levels',
  'validation.jsonDetail.badLiteral':
    'unexpected {found}: expected a value (true, false and null are written in lower case)',
  'validation.jsonDetail.expectedValue': 'unexpected {found}: expected a value',
  'validation.jsonDetail.singleQuotes': 'unexpected {found}: expected a value (strings take double quotes)',
  'validation.jsonDetail.expectedKey': 'unexpected {found}: expected a property name in double quotes',
  'validation.jsonDetail.duplicateKey': 'duplicate key "{key}"',
  'validation.jsonDetail.expectedColon': "unexpected {found}: expected ':' after the property name",
  'validation.jsonDetail.afterEnd': 'unexpected {found} after the end of the JSON value',
  'validation.jsonDetail.afterProperty': "unexpected {found}: expected ',' or '}' after a property value",
  'validation.jsonDetail.afterItem': "unexpected {found}: expected ',' or ']' after a list item",
  'validation.jsonDetail.internal': 'internal: no object',

  // Checks across fields.
  'validation.version.onlyOne':
    'cannot be set in RocketMQ {version}: it exists only in {first} ({upstream}); remove it or choose rocketmqVersion "{first}"',
  'validation.version.onlyTwo':
    'cannot be set in RocketMQ {version}: it exists only in {first} and {second} ({upstream}); remove it or choose rocketmqVersion "{first}" or "{second}"',
  'validation.version.onlyOneNoted':
    'cannot be set in RocketMQ {version}: it exists only in {first} ({upstream} ({note})); remove it or choose rocketmqVersion "{first}"',
  'validation.version.onlyTwoNoted':
    'cannot be set in RocketMQ {version}: it exists only in {first} and {second} ({upstream} ({note})); remove it or choose rocketmqVersion "{first}" or "{second}"',
  'validation.broker.endpointName':
    '"{name}" names a network endpoint (see network.links); choose another broker name',
  'validation.broker.slaveId':
    'a SLAVE needs a brokerId of 1 or more (BrokerStartup refuses a slave with id 0: "Slave\'s brokerId must be > 0")',
  'validation.broker.masterId':
    'a master ({role}) always has brokerId 0 (BrokerStartup sets it); leave brokerId out, or make this broker a "SLAVE"',
  'validation.broker.duplicate':
    'duplicate broker: brokers[{earlier}] is already "{name}" with brokerId {brokerId}; names are unique except that slaves share their master\'s name with a brokerId of 1 or more',
  'validation.broker.addressUsed':
    'address {address} is already used by {owner}; every process needs its own',
  'validation.broker.groupNoMaster':
    'broker group "{name}" has no master (brokerId 0); name one of its slaves, such as "{name}@1"',
  'validation.broker.unknown': 'no broker "{name}"; the brokers are: {names}',
  'validation.link.sameEnds': 'a link joins two different endpoints (got "{name}" twice)',
  'validation.link.duplicate': 'network.links[{earlier}] already sets this link (links are undirected)',
  'validation.topic.duplicate': 'duplicate topic: topics[{earlier}] is already "{name}"',
  'validation.topic.tbw102':
    'TBW102 is the auto-create template: each broker with autoCreateTopicEnable creates it itself (defaultTopicQueueNums queues); do not declare it',
  'validation.topic.unknownGroup': 'no broker group "{name}"; the groups are: {names}',
  'validation.topic.listedTwice': '"{name}" is listed twice',
  'validation.topic.orderNeedsNameServer':
    'reaches producers only when the name server returns it: set nameServer.orderMessageEnable to true',
  'validation.topic.orderTwice': '"{name}" appears twice',
  'validation.topic.orderQueues': '"{name}:{n}": queue numbers go from 1 to {max}',
  'validation.topics.totalQueues':
    '{n} queues in total (brokers holding each topic × its queue count); at most {max}',
  'validation.workload.twoSchedules':
    'give one schedule: ratePerSecond, intervalMs or timesMs (got {first} and {second})',
  'validation.workload.threeSchedules':
    'give one schedule: ratePerSecond, intervalMs or timesMs (got {first} and {second} and {third})',
  'validation.workload.countRequired':
    'required: how many messages to send (1 to {max}), unless timesMs lists their times',
  'validation.workload.countMismatch': 'must equal the length of timesMs ({n}), or be left out',
  'validation.workload.keyAndKeys': 'give either key or keys, not both',
  'validation.workload.hashNeedsKey':
    '"hash" hashes the message key (SelectMessageQueueByHash gets the key as its argument): give key or keys',
  'validation.workload.pastCap':
    'the last send would be due at {at} ms, past the 24 h cap ({max} ms): lower count, raise the rate or start earlier',
  'validation.workload.totalMessages': '{n} messages in total over all workloads; at most {max}',
  'validation.workload.totalThreads': '{n} sending threads over all workloads; at most {max}',
  'validation.workload.autoQueues':
    'up to {n} queues in total once TBW102 and the {undeclared} undeclared workload topics are auto-created on every broker that offers TBW102; at most {max} (declare the topics, lower defaultTopicQueueNums or turn autoCreateTopicEnable off)',
  'validation.fault.slowTarget':
    'a "slow" fault needs exactly one target: broker ("broker-a") or link (["producer", "broker-a"])',

  // What was found, after a message.
  'validation.got.missing': ' (missing)',
  'validation.got.value': ' (got {value})',
  'validation.got.list': ' (got a list of {n} items)',
  'validation.got.items': ' (got {n} items)',
  'validation.got.object': ' (got an object)',
  'validation.got.nothing': ' (got nothing)',
  'validation.got.type': ' (got a {type})',

  // Nouns in {unit}, {what}, {noun} and {found}.
  'validation.noun.ms': 'milliseconds',
  'validation.noun.msCapOff': 'milliseconds; -1 turns the cap off',
  'validation.noun.msClamped': 'milliseconds; upstream clamps the period to this range',
  'validation.noun.seconds': 'seconds',
  'validation.noun.retries': 'retries',
  'validation.noun.responseCode': 'a response code such as 17',
  'validation.noun.responseCodes': 'response codes',
  'validation.noun.bytes': 'bytes',
  'validation.noun.queues': 'queues',
  'validation.noun.threads': 'threads',
  'validation.noun.permits': 'permits',
  'validation.noun.tasks': 'tasks',
  'validation.noun.messages': 'messages',
  'validation.noun.replicas': 'replicas',
  'validation.noun.replies': 'replies',
  'validation.noun.brokerId': '0 for a master, 1 or more for a slave',
  'validation.noun.permBits': 'permission bits: 4 read, 2 write, 1 inherit',
  'validation.noun.seed': 'a uint32 seed',
  'validation.noun.steps': 'steps',
  'validation.noun.matches': 'matches',
  'validation.noun.text': 'text',
  'validation.noun.label': 'label',
  'validation.noun.producerGroup': 'producer group',
  'validation.noun.topic': 'topic',
  'validation.noun.topicName': 'topic name',
  'validation.noun.messageKey': 'message key',
  'validation.noun.brokerName': 'broker name',
  'validation.noun.brokerNames': 'broker names',
  'validation.noun.clusterName': 'cluster name',
  'validation.noun.presetId': 'preset id',
  'validation.noun.eventKind': 'trace event kind',
  'validation.noun.messageId': 'message id',
  'validation.noun.brokers': 'brokers',
  'validation.noun.topics': 'topics',
  'validation.noun.links': 'links',
  'validation.noun.workloads': 'workloads',
  'validation.noun.faults': 'faults',
  'validation.noun.times': 'times',
  'validation.noun.keys': 'keys',
  'validation.noun.endOfText': 'the end of the text',
  // What an older version has instead of a setting (the notes of `upstream` in src/scenario/defaults.ts).
  'validation.noun.note452RetrySwitch': '4.5.2: the switch in DefaultMQProducerImpl.sendDefaultImpl',
  'validation.noun.note452ApiTimeout': '4.5.2: the constant 3000 in MQClientInstance',

  // How the page lists a problem.
  'validation.ui.line': '{path}: {message}',
  'validation.ui.wholeScenario': '(scenario)',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准；字段名、类名和取值保留英文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'validation.int.range': '必须是 {min} 到 {max} 之间的整数（{unit}）',
  'validation.number.msPositive': '必须是大于 0、不超过 {max} 的毫秒数（可以有小数）',
  'validation.number.msRange': '必须是 0 到 {max} 之间的毫秒数（可以有小数）',
  'validation.number.ms': '必须是 0 到 {max} 之间的毫秒数',
  'validation.number.rate': '必须是大于 0、不超过 {max} 的每秒发送条数',
  'validation.bool': '必须是 true 或 false',
  'validation.enum': '必须是 {options} 之一',
  'validation.text.max': '必须是不超过 {max} 个字符的{what}',
  'validation.text.schemaUrl': '必须是文本（JSON Schema 的 URL）',
  'validation.name.pattern': "必须是由 1 到 {max} 个字母、数字、'-' 或 '_' 组成的{what}",
  'validation.name.topic': "必须是由 1 到 {max} 个字母、数字、'%'、'|'、'-' 或 '_' 组成的 Topic 名称",
  'validation.name.reserved': '{value} 不能用作{what}：它是所有 JavaScript 对象都有的属性名；请换一个名称',
  'validation.object.unknownKey': '未知的键；这里允许的键：{allowed}',
  'validation.object.type': '必须是对象，可用的键：{allowed}',
  'validation.list.range': '必须是包含 {min} 到 {max} 个{noun}的列表',
  'validation.list.max': '必须是最多包含 {max} 个{noun}的列表',
  'validation.latency.atLeast': '不能小于 {field}',
  'validation.latency.kind':
    '必须是 "fixed"（带 ms）、"uniform"（带 minMs、maxMs）或 "lognormal"（带 medianMs、p99Ms）之一',
  'validation.latency.type':
    '必须是延迟分布：{"kind": "fixed", "ms": 1}、{"kind": "uniform", "minMs": 1, "maxMs": 3} 或 {"kind": "lognormal", "medianMs": 1, "p99Ms": 20}',
  'validation.brokerRef':
    '必须指明一个 Broker：写它的名称（"broker-a"，即主节点），从节点写 名称@brokerId（"broker-a@1"）',
  'validation.endpoint':
    '必须是 "producer"、"namesrv"、Broker 名称（"broker-a"，即主节点），或从节点的 名称@brokerId（"broker-a@1"）',
  'validation.link.pair': '必须是一对端点，例如 ["producer", "broker-a"]',
  'validation.address': '必须是 "ip:端口" 形式的地址，例如 "10.0.0.1:10911"',
  'validation.address.port': '端口不能超过 65535',
  'validation.brokerPermission': '必须是 6（可读可写）、4（只读）或 2（只写）',
  'validation.orderTopicConf':
    '必须按上游的写法：用 ";" 连接的 brokerName:queueNums，例如 "broker-a:4;broker-b:4"',
  'validation.fault.kind':
    '必须是 "crash"、"shutdown"、"up"、"slow"、"busy"、"partition"、"heal"、"flushTimeout"、"dropReply" 之一',
  'validation.fault.type': '必须是故障对象，例如 {"atMs": 1000, "kind": "crash", "broker": "broker-a"}',
  'validation.narration.at':
    '必须是步骤序号（从 0 开始的整数）或事件选择器 {"kind": "send.result", "msgId": "...", "nth": 1}',
  'validation.version.newer':
    '格式版本 {given} 比当前 SendPath 能读的更新（它只读版本 {supported}）；请更新 SendPath',
  'validation.version.wrong': '必须是 {supported}，即场景格式的版本',
  'validation.schema.other': '{detail}',

  'validation.input.unreadable': '无法读取场景：{detail}',
  'validation.input.notText': '需要 JSON 文本',
  'validation.input.textTooLong': '文本有 {length} 个字符；一个场景最多 {max} 个字符',
  'validation.input.textUnreadable': '无法读取文本：{detail}',
  'validation.input.tooManyValues': '场景包含的值超过 {max} 个，远远超出任何有效场景',
  'validation.input.tooDeep': '嵌套超过 {max} 层；有效的场景不到 10 层',
  'validation.input.listTooLong': '列表有 {length} 项；场景中的列表最多 {max} 项',
  'validation.input.moreErrors': '… 另有 {n} 个错误',

  'validation.json.invalid': 'JSON 无效，位于第 {line} 行第 {column} 列：{detail}',
  'validation.jsonDetail.hexEscape': '\\u 后面必须跟四个十六进制数字',
  'validation.jsonDetail.badEscape': "字符串中有无效的转义 '\\{char}'",
  'validation.jsonDetail.controlChar': '字符串中有控制字符（例如换行）；请写成 \\n',
  'validation.jsonDetail.unclosedString': '字符串没有结束（缺少 "）',
  'validation.jsonDetail.endInsteadOfValue': '文本在需要一个值的地方结束了',
  'validation.jsonDetail.trailingCommaItem': "',' 后面必须还有一项（JSON 不允许末尾逗号）",
  'validation.jsonDetail.trailingCommaProperty': "',' 后面必须还有一个属性（JSON 不允许末尾逗号）",
  'validation.jsonDetail.tooDeep': '嵌套超过 {max} 层',
  'validation.jsonDetail.badLiteral': '意外的 {found}：这里需要一个值（true、false 和 null 要小写）',
  'validation.jsonDetail.expectedValue': '意外的 {found}：这里需要一个值',
  'validation.jsonDetail.singleQuotes': '意外的 {found}：这里需要一个值（字符串要用双引号）',
  'validation.jsonDetail.expectedKey': '意外的 {found}：这里需要用双引号括起的属性名',
  'validation.jsonDetail.duplicateKey': '重复的键 "{key}"',
  'validation.jsonDetail.expectedColon': "意外的 {found}：属性名后面需要 ':'",
  'validation.jsonDetail.afterEnd': 'JSON 值结束后出现意外的 {found}',
  'validation.jsonDetail.afterProperty': "意外的 {found}：属性值后面需要 ',' 或 '}'",
  'validation.jsonDetail.afterItem': "意外的 {found}：列表项后面需要 ',' 或 ']'",
  'validation.jsonDetail.internal': '内部错误：没有对象',

  'validation.version.onlyOne':
    '在 RocketMQ {version} 中不能设置：它只存在于 {first}（{upstream}）；请删除它，或把 rocketmqVersion 设为 "{first}"',
  'validation.version.onlyTwo':
    '在 RocketMQ {version} 中不能设置：它只存在于 {first} 和 {second}（{upstream}）；请删除它，或把 rocketmqVersion 设为 "{first}" 或 "{second}"',
  'validation.version.onlyOneNoted':
    '在 RocketMQ {version} 中不能设置：它只存在于 {first}（{upstream}；{note}）；请删除它，或把 rocketmqVersion 设为 "{first}"',
  'validation.version.onlyTwoNoted':
    '在 RocketMQ {version} 中不能设置：它只存在于 {first} 和 {second}（{upstream}；{note}）；请删除它，或把 rocketmqVersion 设为 "{first}" 或 "{second}"',
  'validation.broker.endpointName': '"{name}" 是网络端点的名称（见 network.links）；请给 Broker 换一个名称',
  'validation.broker.slaveId':
    'SLAVE（从节点）的 brokerId 必须大于等于 1（BrokerStartup 拒绝 id 为 0 的从节点："Slave\'s brokerId must be > 0"）',
  'validation.broker.masterId':
    '主节点（{role}）的 brokerId 总是 0（由 BrokerStartup 设置）；请删除 brokerId，或把这个 Broker 设为 "SLAVE"',
  'validation.broker.duplicate':
    '重复的 Broker：brokers[{earlier}] 已经是 brokerId 为 {brokerId} 的 "{name}"；名称必须唯一，只有从节点以 1 或更大的 brokerId 与主节点同名',
  'validation.broker.addressUsed': '地址 {address} 已被 {owner} 使用；每个进程需要自己的地址',
  'validation.broker.groupNoMaster':
    'Broker 组 "{name}" 没有主节点（brokerId 0）；请指明它的某个从节点，例如 "{name}@1"',
  'validation.broker.unknown': '没有名为 "{name}" 的 Broker；现有的 Broker：{names}',
  'validation.link.sameEnds': '链路必须连接两个不同的端点（"{name}" 出现了两次）',
  'validation.link.duplicate': 'network.links[{earlier}] 已经设置了这条链路（链路不分方向）',
  'validation.topic.duplicate': '重复的 Topic：topics[{earlier}] 已经是 "{name}"',
  'validation.topic.tbw102':
    'TBW102 是自动创建 Topic 的模板：每个开启 autoCreateTopicEnable 的 Broker 会自己创建它（defaultTopicQueueNums 个队列）；不要声明它',
  'validation.topic.unknownGroup': '没有名为 "{name}" 的 Broker 组；现有的组：{names}',
  'validation.topic.listedTwice': '"{name}" 列出了两次',
  'validation.topic.orderNeedsNameServer':
    '只有 NameServer 返回它时才会到达生产者：请把 nameServer.orderMessageEnable 设为 true',
  'validation.topic.orderTwice': '"{name}" 出现了两次',
  'validation.topic.orderQueues': '"{name}:{n}"：队列数必须在 1 到 {max} 之间',
  'validation.topics.totalQueues': '队列总数为 {n}（每个 Topic 所在的 Broker 数 × 其队列数）；最多 {max}',
  'validation.workload.twoSchedules':
    '只能给出一种发送节奏：ratePerSecond、intervalMs 或 timesMs（却给了 {first} 和 {second}）',
  'validation.workload.threeSchedules':
    '只能给出一种发送节奏：ratePerSecond、intervalMs 或 timesMs（却给了 {first}、{second} 和 {third}）',
  'validation.workload.countRequired':
    '必填：要发送多少条消息（1 到 {max}），除非 timesMs 列出了它们的发送时间',
  'validation.workload.countMismatch': '必须等于 timesMs 的长度（{n}），或者留空',
  'validation.workload.keyAndKeys': 'key 和 keys 只能给一个，不能同时给',
  'validation.workload.hashNeedsKey':
    '"hash" 对消息的键（Key）做哈希（SelectMessageQueueByHash 以键为参数）：请给出 key 或 keys',
  'validation.workload.pastCap':
    '最后一条消息要在 {at} 毫秒发送，超过了 24 小时的上限（{max} 毫秒）：请减少 count、提高发送速率或提前开始',
  'validation.workload.totalMessages': '所有发送负载共 {n} 条消息；最多 {max} 条',
  'validation.workload.totalThreads': '所有发送负载共 {n} 个发送线程；最多 {max} 个',
  'validation.workload.autoQueues':
    '在每个提供 TBW102 的 Broker 上自动创建 TBW102 和 {undeclared} 个未声明的发送负载 Topic 之后，队列总数可达 {n}；最多 {max}（请声明这些 Topic、调低 defaultTopicQueueNums 或关闭 autoCreateTopicEnable）',
  'validation.fault.slowTarget':
    '"slow" 故障需要且只能有一个目标：broker（"broker-a"）或 link（["producer", "broker-a"]）',

  'validation.got.missing': '（缺失）',
  'validation.got.value': '（实际为 {value}）',
  'validation.got.list': '（实际为含 {n} 项的列表）',
  'validation.got.items': '（实际有 {n} 项）',
  'validation.got.object': '（实际为对象）',
  'validation.got.nothing': '（实际为空）',
  'validation.got.type': '（实际为 {type}）',

  'validation.noun.ms': '毫秒',
  'validation.noun.msCapOff': '毫秒；-1 表示不设上限',
  'validation.noun.msClamped': '毫秒；上游会把周期限制在这个范围内',
  'validation.noun.seconds': '秒',
  'validation.noun.retries': '重试次数',
  'validation.noun.responseCode': '响应码，例如 17',
  'validation.noun.responseCodes': '响应码',
  'validation.noun.bytes': '字节',
  'validation.noun.queues': '队列数',
  'validation.noun.threads': '线程数',
  'validation.noun.permits': '许可数',
  'validation.noun.tasks': '任务数',
  'validation.noun.messages': '消息数',
  'validation.noun.replicas': '副本数',
  'validation.noun.replies': '响应数',
  'validation.noun.brokerId': '主节点为 0，从节点为 1 或更大',
  'validation.noun.permBits': '权限位：4 读、2 写、1 继承',
  'validation.noun.seed': 'uint32 随机种子',
  'validation.noun.steps': '步骤',
  'validation.noun.matches': '匹配次序',
  'validation.noun.text': '文本',
  'validation.noun.label': '标签',
  'validation.noun.producerGroup': '生产者组名',
  'validation.noun.topic': 'Topic',
  'validation.noun.topicName': 'Topic 名称',
  'validation.noun.messageKey': '消息键（Key）',
  'validation.noun.brokerName': 'Broker 名称',
  'validation.noun.brokerNames': 'Broker 名称',
  'validation.noun.clusterName': '集群名称',
  'validation.noun.presetId': '预设 ID',
  'validation.noun.eventKind': '追踪事件类型',
  'validation.noun.messageId': '消息 ID',
  'validation.noun.brokers': 'Broker',
  'validation.noun.topics': 'Topic',
  'validation.noun.links': '链路',
  'validation.noun.workloads': '发送负载',
  'validation.noun.faults': '故障',
  'validation.noun.times': '时间',
  'validation.noun.keys': '键',
  'validation.noun.endOfText': '文本末尾',
  'validation.noun.note452RetrySwitch': '4.5.2 中是 DefaultMQProducerImpl.sendDefaultImpl 里的 switch',
  'validation.noun.note452ApiTimeout': '4.5.2 中是 MQClientInstance 里的常量 3000',

  'validation.ui.line': '{path}：{message}',
  'validation.ui.wholeScenario': '（整个场景）',
};
