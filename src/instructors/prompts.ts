/**
 * Discussion prompts, by lesson path: questions to put to the room after the lesson's core idea and
 * before its lab. They are keyed by where a lesson lives (or will live), and the guide shows them only
 * for lessons that exist. Numbers in them come from the lessons and their sources.
 */
export const DISCUSSION_PROMPTS: Readonly<Record<string, readonly string[]>> = {
  'module-16/littles-law': [
    'A dashboard shows 2,000 requests/s, a median of 40 ms and a mean of 50 ms. Which goes into Little’s Law, and what goes wrong with the other?',
    'Your load balancer and your worker pool both count requests in flight, and the counts differ. How can both obey L = λW?',
    'If the service turns some requests away at the door, what is λ? Where does the boundary of “the system” go?',
    'Why do 100 servers for an offered load of exactly 100 never settle, while 101 do?',
  ],
  'module-16/hockey-stick': [
    'A team keeps CPU under 70 % “so latency stays flat”. What does 70 % buy one server, and what does it buy a pool of 50?',
    'A load test at 60 % looked fine. Why is extrapolating it with an exponential the wrong picture, and what does the hyperbola predict instead?',
    'Arrivals are bursty (cₐ² = 4). Would you add servers or smooth the arrivals first, and what does Kingman’s formula say about each?',
    'When would you trust the simulator over the formula, and when the formula over the simulator?',
  ],
  'module-16/backpressure': [
    'Pick a queue in a system you know. Is it bounded? What happens to the request that arrives when it is full, and who finds out?',
    'Reject, drop the newest, drop the oldest: which for a checkout, which for a metrics pipeline, and why?',
    'A circuit breaker lives on the caller’s side. What does the struggling service notice when it opens?',
    'AIMD cuts the limit by 10 % on a drop. What would go wrong if it halved it, or took away just one?',
  ],
  'module-16/dead-letter-queues': [
    'Sort five failures from your own systems into “retry” and “dead-letter at once”. Where did the room disagree?',
    'Before you replay a dead-letter queue, what must be true of the consumer? What if it is not idempotent?',
    'Why add jitter to backoff, when each client on its own would be fine without it?',
    'Who is paged when the dead-letter queue grows, and what should the alert say?',
  ],
  'module-16/retries': [
    'Three services in a chain each retry three times. One request fails at the bottom: how many calls reach the bottom service?',
    'Which operations in your system are safe to retry, and how do you know?',
    'A retry budget or a fixed number of retries per request: which protects a struggling service better, and why?',
  ],
  'module-16/consumer-lag': [
    'Lag is 500,000 messages. Is that bad? What else would you want to know before paging anyone?',
    'You add consumers and the lag does not move. List the reasons, starting with partitions.',
    'Why is lag that has grown steadily for ten minutes more alarming than lag that is high but flat?',
  ],
  'module-17/why-cache': [
    'Name a cache you depend on. What does it save — latency, load, money — and what does a miss cost?',
    'A 96 % hit ratio sounds close to 99 %. How many times more misses reach the database at 96 %?',
    'When is a cache the wrong answer to a slow query?',
  ],
  'module-17/cache-patterns': [
    'Look-aside, read-through, write-through or write-behind: which for a user profile, a product price and a page-view counter?',
    'In each pattern, who fills the cache on a miss, and what happens if that process dies halfway?',
    'Why does a look-aside cache delete the key on a write rather than set the new value?',
  ],
  'module-17/invalidation': [
    'Act out the stale-set race with two volunteers as clients. At which step does the old value sneak back in?',
    'Write then delete, or delete then write: which order, and what can still go wrong?',
    'How stale can your data be before a user notices, and before it causes a bug?',
  ],
  'module-17/eviction': [
    'Redis starts with no memory limit and the noeviction policy. What happens to writes when memory runs out, and why is that a sensible default?',
    'LRU, LFU or FIFO: which for a CDN, a session store and a news feed, and why?',
    'Sampled LRU looks at a handful of keys, not all of them. When would you pay for a larger sample?',
  ],
  'module-17/stampedes': [
    'An item read 10 times a second takes 3 s to recompute. When it expires, how many requests miss before the new value lands?',
    'Why refresh early with a probability that grows near expiry, rather than always at 90 % of the TTL?',
    'Does probabilistic early expiry guarantee a single refresher? What would you add if you needed one?',
  ],
  'module-17/leases': [
    'A lease token is bound to a key and voided by a delete. Walk through how that stops a stale set.',
    'In Facebook’s measurement, leases cut a herd’s peak from 17K to 1.3K database queries a second. Why not to one?',
    'A client is told to wait and retry. How long should it wait, and what should it do after a few tries?',
  ],
  'case-studies/tao': [
    'TAO’s reads hit the cache 96.4 % of the time. How many times fewer database reads is that than no cache at all?',
    'Why give each region a leader tier, and what do follower tiers gain by sending misses to it rather than to the database?',
    'TAO is eventually consistent, with “critical” reads sent to the master region. Which of your reads would you mark critical?',
  ],
  'case-studies/cloudflare': [
    'A cache lock collapses misses within one data center. A herd hits 200 data centers at once: how many origin requests can there still be, and what does Tiered Cache change?',
    'With max-age=600 and stale-while-revalidate=30, how long after it was fetched may a visitor still get a response?',
    'When would you switch stale serving off for a path?',
  ],
};
