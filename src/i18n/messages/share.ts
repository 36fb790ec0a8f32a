/**
 * Share links (`#s=...`), scenario import and export, and the last good scenario kept in the browser.
 * `src/share/*` returns these keys as message codes, with their parameters, beside an English fallback
 * built from `en` below; the page shows `translate(lang, code, params)`.
 */
export const en = {
  'share.notAShareLink': 'This address holds no shared scenario: a share link ends in #s= and the link data.',
  'share.duplicateParam':
    'The link gives “{name}” more than once, so it was probably pasted twice. Open the link as it was shared.',
  'share.empty':
    'The link holds no scenario data after #s=. It was probably cut off when it was copied; copy the whole link again.',
  'share.noVersion':
    'The link data has no format version (it starts with “1.” in links from SendPath). It was not made by SendPath, or it was cut off.',
  'share.unknownVersion':
    'This link uses share format “{version}”, which this SendPath does not read. It reads format {supported}.',
  'share.newerVersion':
    'This link was made by a newer SendPath (share format {version}); this one reads format {supported}. Open the link with an up-to-date SendPath.',
  'share.linkTooLong':
    'The link data is {length} characters long; a share link may hold at most {max}. Export the scenario as a file instead.',
  'share.badEncoding':
    'The link data is damaged at character {position} ({char}): a share link holds only letters, digits, “-” and “_” after the version. Copy the whole link again.',
  'share.badLength':
    'The link data has a length that no share link can have, so part of it is missing. Copy the whole link again.',
  'share.truncated':
    'The link data ends too early, so the scenario cannot be unpacked. It was probably cut off when it was copied.',
  'share.corrupt': 'The link data is damaged and cannot be unpacked ({detail}).',
  'share.tooLarge':
    'Unpacked, the link’s scenario would be larger than {max} bytes, the scenario size cap; SendPath stopped unpacking it.',
  'share.textTooLarge':
    'The scenario text is {size} characters long; a scenario may have at most {max}. Nothing was opened.',
  'share.fileTooLarge':
    'The file is {size} bytes; a scenario file may have at most {max} bytes. Nothing was imported.',
  'share.readFailed': 'The file could not be read ({detail}).',
  'share.badUtf8':
    'The scenario is not UTF-8 text: it holds bytes that are not valid UTF-8. Save it as UTF-8 and try again.',
  'share.emptyText':
    'The file is empty. A scenario is a JSON object with version, rocketmqVersion and brokers.',
  'share.badJson': 'The scenario is not valid JSON, at line {line}, column {column}: {detail}',
  'share.badNumber':
    '{path}: {token} is not a number in JSON (line {line}, column {column}). Write a finite number, such as 3000.',
  'share.invalidScenario': '{path}: {detail}',
  'share.badStep':
    'The step in the link (“{value}”) is not a step number, so playback starts at the beginning.',
  'share.unexpected': 'The scenario could not be read ({detail}).',
  'share.wholeScenario': '(scenario)',
  'share.storage.unavailable':
    'This browser does not let SendPath keep the scenario (storage is turned off), so a reload starts over.',
  'share.storage.full':
    'This browser’s storage for SendPath is full, so the scenario was not kept; a reload brings back an older one.',
  'share.storage.tooLarge':
    'This scenario is too large to keep in the browser ({size} characters, at most {max}); a reload brings back an older one.',
  'share.keptLastGood': 'Your last good scenario is still open; nothing was changed.',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准；字段名和 JSON 路径保留英文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'share.notAShareLink': '这个地址里没有分享的场景：分享链接以 #s= 和链接数据结尾。',
  'share.duplicateParam': '链接中“{name}”出现了不止一次，可能被粘贴了两遍。请按分享时的原样打开链接。',
  'share.empty': '链接的 #s= 后面没有场景数据，可能在复制时被截断了。请重新复制完整的链接。',
  'share.noVersion':
    '链接数据没有格式版本（SendPath 生成的链接以“1.”开头）。它不是 SendPath 生成的，或者被截断了。',
  'share.unknownVersion':
    '这个链接使用分享格式“{version}”，当前 SendPath 无法读取。它能读取的格式是 {supported}。',
  'share.newerVersion':
    '这个链接由更新版本的 SendPath 生成（分享格式 {version}）；当前版本只能读取格式 {supported}。请用最新的 SendPath 打开。',
  'share.linkTooLong': '链接数据长 {length} 个字符；分享链接最多 {max} 个字符。请改为把场景导出为文件。',
  'share.badEncoding':
    '链接数据在第 {position} 个字符（{char}）处损坏：版本号之后只能有字母、数字、“-”和“_”。请重新复制完整的链接。',
  'share.badLength': '链接数据的长度不可能出现在分享链接中，说明有一部分丢失了。请重新复制完整的链接。',
  'share.truncated': '链接数据提前结束，场景无法解压。它可能在复制时被截断了。',
  'share.corrupt': '链接数据已损坏，无法解压（{detail}）。',
  'share.tooLarge': '解压后，链接中的场景会超过 {max} 字节（场景大小上限）；SendPath 已停止解压。',
  'share.textTooLarge': '场景文本长 {size} 个字符；场景最多 {max} 个字符。没有打开任何内容。',
  'share.fileTooLarge': '文件大小为 {size} 字节；场景文件最多 {max} 字节。没有导入任何内容。',
  'share.readFailed': '无法读取文件（{detail}）。',
  'share.badUtf8': '场景不是 UTF-8 文本：其中有无效的 UTF-8 字节。请以 UTF-8 保存后重试。',
  'share.emptyText': '文件是空的。场景是一个包含 version、rocketmqVersion 和 brokers 的 JSON 对象。',
  'share.badJson': '场景不是有效的 JSON，位于第 {line} 行第 {column} 列：{detail}',
  'share.badNumber':
    '{path}：{token} 不是 JSON 中的数字（第 {line} 行第 {column} 列）。请写一个有限的数，例如 3000。',
  'share.invalidScenario': '{path}：{detail}',
  'share.badStep': '链接中的步数（“{value}”）不是有效的步数，因此从头开始播放。',
  'share.unexpected': '无法读取场景（{detail}）。',
  'share.wholeScenario': '（整个场景）',
  'share.storage.unavailable': '此浏览器不允许 SendPath 保存场景（存储已关闭），刷新页面后会从头开始。',
  'share.storage.full': '此浏览器为 SendPath 提供的存储已满，场景没有被保存；刷新页面后会恢复较早的场景。',
  'share.storage.tooLarge':
    '这个场景太大，无法保存在浏览器中（{size} 个字符，最多 {max} 个）；刷新页面后会恢复较早的场景。',
  'share.keptLastGood': '上一个有效的场景仍然打开着，没有任何改动。',
};
