package handout_test

// miniPack is a small pack with what print must handle: a section of five pages
// linking to each other (with and without #fragments), a link out of the
// section, a link to the section itself, an external link, FAQ answers in
// <details>, and a section whose title appears only in the navigation.
const miniPack = `
-- content/_index.md --
---
title: Mini pack
---
Start with [boundaries](guidance/boundaries.md), or read the [answers](faq.md).
-- content/guidance/_index.md --
---
title: Guidance
weight: 1
---
Five short topics about social media.
-- content/guidance/boundaries.md --
---
title: Boundaries
weight: 1
---
## Friend requests

See [talking about work](privacy.md#talking-about-work), [the whole section](_index.md),
[about the pack](../about.md) and [a guide on the web](https://example.org/guide).

## Keeping it separate

Work stays at work. Personal accounts stay personal.
-- content/guidance/privacy.md --
---
title: Privacy
weight: 2
---
## Talking about work

Back to [friend requests](boundaries.md#friend-requests).
-- content/guidance/photos.md --
---
title: Photographs
weight: 3
---
## Before you post

Ask first. Check the background. Think about who can see it.
-- content/guidance/colleagues.md --
---
title: Colleagues
weight: 4
---
## Raising a concern

Use the routes your employer gives you, not a public post.
-- content/guidance/leaving.md --
---
title: Leaving social media
weight: 5
---
## A reasonable choice

You do not have to be on social media at all.
-- content/elsewhere/_index.md --
---
title: Zebra crossing notes
weight: 3
---
Only the navigation names this section.
-- content/faq.md --
---
title: Common questions
layout: faq
weight: 2
menu: true
---
Select a question to see its answer.
-- content/about.md --
---
title: About this pack
weight: 10
---
Who the pack is for.
-- data/faq.yaml --
- id: first-question
  question: Is the first question answered?
  answer: |
    Yes: the answer folded away in a details element.
- id: second-question
  question: And the second?
  answer: |
    Also folded away, and printed open all the same.
`
