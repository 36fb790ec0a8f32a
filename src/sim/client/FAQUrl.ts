/**
 * `org.apache.rocketmq.common.help.FAQUrl`: the documentation links the client appends to its error
 * texts. Every constant of one tag holds the same URL (4.x `http://rocketmq.apache.org/docs/faq/`,
 * 5.x `https://rocketmq.apache.org/docs/bestPractice/06FAQ`), so callers pass the profile's `faqUrl`.
 */
const TIP_STRING_BEGIN = '\nSee ';
const TIP_STRING_END = ' for further details.';
const MORE_INFORMATION = 'For more information, please visit the url, ';

/** `FAQUrl.suggestTodo(url)`: the "See <url> for further details." suffix. */
export function suggestTodo(url: string): string {
  return TIP_STRING_BEGIN + url + TIP_STRING_END;
}

/**
 * `FAQUrl.attachDefaultURL(errorMessage)`, used by the `MQClientException`/`MQBrokerException`
 * constructors: adds the "For more information" line unless the text already has a See-suffix.
 */
export function attachDefaultURL(errorMessage: string | null, faqUrl: string): string | null {
  if (errorMessage === null) return null;
  if (errorMessage.indexOf(TIP_STRING_BEGIN) === -1) return `${errorMessage}\n${MORE_INFORMATION}${faqUrl}`;
  return errorMessage;
}
