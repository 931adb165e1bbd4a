/**
 * Page boilerplate that must not reach extraction: lines scraped along with an article
 * (share buttons, photo credits, newsletter prompts, "Related:" link lists, captchas, ...).
 *
 * Applied line by line to plain text and to the text of HTML articles (see ../boilerplate.ts).
 * The rule of the house is *conservative*: a pattern here must only match text that no news
 * report would state as content. When in doubt, leave the line in.
 *
 * - `DROP_LINE`: a line matching one of these (after trimming) is removed entirely.
 *   Patterns are anchored (^...$) or keyed to unmistakable phrases.
 * - `STRIP_INLINE`: fragments cut out of a line that otherwise stays (photo credits that
 *   trail a caption, "Buy Photo" buttons glued to a caption). A line left empty is removed.
 * - `LIST_HEADERS`: a header that introduces a list of links to other stories ("Related:",
 *   "Read more:"). The header is dropped; so are the short title-like lines right after it
 *   (up to `LIST_MAX_LINES` lines of at most `LIST_MAX_WORDS` words without a final full stop).
 */

export const DROP_LINE: RegExp[] = [
  // captcha forms of comment boxes
  /^you must enter the characters\b/i,
  /^(please )?enter the (characters|code|text) (shown|you see)\b/i,
  // share / social buttons, alone or as a run of network names
  /^(share|share this( story| article)?|share on|tweet|like this|follow us)\s*:?\s*((facebook|twitter|x|email|e-mail|print|pinterest|linkedin|whatsapp|reddit|tumblr|google\+?|more|messenger|sms|copy link|comments?)[\s,|•·/]*)*$/i,
  /^((facebook|twitter|email|e-mail|print|pinterest|linkedin|whatsapp|reddit|tumblr|google\+?|messenger|copy link)[\s,|•·/]*){2,}$/i,
  /^(facebook|twitter|email|e-mail|print|pinterest|linkedin|whatsapp|reddit|google\+?|more|comments?)$/i,
  /^like this:?\s*like loading\.*$/i,
  /^(read or share this story|share this story|share this article)\s*:/i,
  /^(join the conversation|stay up to date),? follow .* on (facebook|twitter)\b/i,
  /^join the conversation on the .* facebook page$/i,
  /^stay up to date,? follow .* on twitter$/i,
  // advertisement markers and video players
  /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|continue reading( below)?|scroll down for video|skip ad)\.?$/i,
  /^please enable javascript to (watch|view) this video\.?$/i,
  /^(this|the) video (is|has) (no longer available|been removed)\b/i,
  /^your browser does not support (the )?(video|audio|iframe)\b/i,
  // photo credits on a line of their own
  /^(buy )?photos?(\s+credit)?\s*[:|]\s*[^.]{1,80}$/i,
  /^\(?(photo|image|picture|file photo)s?\s*(credit\s*:?|courtesy( of)?|by|:|\/)\s*[^.]{1,80}\)?$/i,
  /^photos?$/i,
  /^\((ap|afp|reuters|getty|epa)( photo| images?)?\s*\/[^)]{1,80}\)$/i,
  /^(ap|afp|reuters|getty images|epa)\s*(photo)?\s*\/\s*[^.]{1,60}$/i,
  /^(view full caption|buy photo|expand|enlarge this image|hide caption|toggle caption|close)$/i,
  /^photo_(prev|next)_inline\b/i,
  // cookie, consent, newsletter, sign-in and paywall prompts
  /\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b/i,
  /^(sign up|subscribe)\b.{0,120}\b(newsletters?|email alerts?|inbox|breaking news emails?)\b/i,
  /^(email newsletters|get (our|the) newsletter|newsletter sign[- ]?up)\b/i,
  /^sign up today\.? it'?s free\.?$/i,
  /^(stay informed|stay on top of the news)\b.{0,80}\b(sign up|newsletter)\b/i,
  /^(get alerted to news events|get fast forward in your inbox)\b/i,
  /^to continue reading this (story|article),? you will need\b/i,
  /^for access to this article please (sign in|log in|subscribe)\b/i,
  /^(already a subscriber|current subscribers have full access)\b/i,
  /^(log ?in|sign ?in|register) (to|or) (comment|continue|subscribe|register|sign up)\b/i,
  // copyright and reuse notices
  /^(©|\(c\)|copyright)\s*(©\s*)?\d{4}\b.{0,160}$/i,
  /^\(©\s*\d{4}[^)]*\)$/,
  /\ball rights reserved\.?( this material may not be published, broadcast, rewritten,? or redistributed\.?)?$/i,
  // app / tip-line promotions
  /^(report an error|submit a tip)\b.{0,60}$/i,
  /^(download|get) (our|the) (free )?.{0,40}\bapp\b.{0,80}$/i,
  // markup residue from scrapers
  /^#{3}[A-Z ]+#{3}$/,
  /^[-_—–=*~•·.]{3,}$/,
];

export const STRIP_INLINE: RegExp[] = [
  // "(Photo: Jane Doe / Getty Images)", "(Photo: KHOU)", "(File photo)"
  /\s*\((file |buy )?photos?(\s+credit)?\s*(:|by|courtesy( of)?)[^()]{0,100}\)/gi,
  /\s*\(file photo\)/gi,
  // "(AP Photo/John Doe)", "(AFP/Getty Images)", "(Reuters/Jane Roe)"
  /\s*\((ap|afp|reuters|epa|getty images)( photo)?\s*\/[^()]{0,80}\)/gi,
  // "Buy Photo" button text glued to the start of a caption
  /^buy photo\s+/i,
  // "View Full Caption DNAinfo/Jane Doe" glued to the end of a caption
  /\s*view full caption\b.*$/i,
];

export const LIST_HEADERS: RegExp[] = [
  /^(related( stories| story| articles?| coverage| headlines| links| content| videos?)?|more( on this)?( stories)?|read more|see also|also read|you may also like|recommended( for you)?|trending( now)?|most (read|popular)|more from [\w .]{1,40})\s*[:|»]?$/i,
];

/** A header line that also carries the linked headline on the same line ("RELATED: Man held in ..."). */
export const INLINE_LIST_ITEM: RegExp[] = [
  /^(related( stories| story| articles?| coverage| headlines| links)?|read more|see also|also read|more)\s*[:|»]\s*\S.*$/i,
  /^related (headlines|coverage)\s+\S.*$/i,
];

export const LIST_MAX_LINES = 6;
export const LIST_MAX_WORDS = 16;
