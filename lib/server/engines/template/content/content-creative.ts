/** Copy for creative people and publishers: portfolios, photographers, agencies and blogs. */

import type { KindOverrides } from "./kind-content";

export const PORTFOLIO_CONTENT: KindOverrides = {
  label: "Portfolio",
  names: ["Jamie Park", "Robin Hale", "Ava Lindqvist"],
  accent: "#0f766e",
  headingFont: "sans",
  defaultSections: ["about", "projects", "services", "testimonials", "contact"],
  eyebrow: "Designer and developer",
  tagline: "Thoughtful digital products, designed and built end to end.",
  lead: "I'm {name}. I help small teams turn messy ideas into calm, accessible products people enjoy using.",
  primaryCta: "See my work",
  primaryTarget: ["projects", "gallery"],
  secondaryCta: "Get in touch",
  secondaryTarget: ["contact"],
  heroAlt: "Abstract composition of overlapping shapes",
  titles: {
    about: { nav: "About", title: "A little about me", lead: "Curious, careful and happiest when a hard problem becomes simple." },
    projects: { nav: "Work", title: "Selected projects", lead: "A few things I have designed and built recently." },
    services: { nav: "Services", title: "How I can help" },
    testimonials: { title: "Kind words from clients" },
    contact: { title: "Let's work together", lead: "Have a project in mind? Tell me about it and I will get back to you within two days." },
  },
  about: {
    paragraphs: [
      "I have spent the last eight years designing and building websites and apps for startups, studios and non-profits.",
      "I care about accessibility, performance and the small details that make software feel trustworthy.",
    ],
    highlights: ["Product and interface design", "Front-end development", "Accessibility audits"],
  },
  services: [
    { title: "Product design", text: "Research, flows and polished interfaces that are easy to build.", icon: "layers" },
    { title: "Web development", text: "Fast, accessible websites with clean, maintainable code.", icon: "bolt" },
    { title: "Design systems", text: "Reusable components so your team ships consistently.", icon: "spark" },
  ],
  projects: [
    { title: "Fieldnotes app", text: "A calm note-taking app for researchers, from first sketch to launch.", tags: ["Product design", "iOS"] },
    { title: "Harbour Health", text: "An accessible booking flow that cut no-shows by a third.", tags: ["UX", "Web"] },
    { title: "Open Atlas", text: "An interactive map for a climate non-profit, built for speed.", tags: ["Front-end", "Data"] },
    { title: "Studio Nine", text: "Identity and portfolio site for an architecture practice.", tags: ["Branding", "Web"] },
  ],
  testimonials: [
    { quote: "{name} took our rough idea and shaped it into something our users love. Calm, fast and a joy to work with.", author: "Nadia K.", role: "Founder, Fieldnotes" },
    { quote: "Rare to find someone who cares as much about the code as the pixels.", author: "Oliver B.", role: "CTO, Harbour Health" },
  ],
  contact: {
    topicLabel: "Project type",
    topics: ["Website", "Product design", "Design system", "Something else"],
    hours: ["Usually replies within two working days"],
    address: "Working remotely, worldwide",
  },
};

export const PHOTOGRAPHY_CONTENT: KindOverrides = {
  label: "Photography",
  names: ["Lumen Photography", "Still Frame Studio", "North Light Photo"],
  accent: "#334155",
  headingFont: "serif",
  defaultSections: ["gallery", "about", "services", "testimonials", "contact"],
  eyebrow: "Photography studio",
  tagline: "Honest pictures of the moments that matter.",
  lead: "Weddings, portraits and brand stories captured in natural light. {name} makes photographs you will want to keep for a lifetime.",
  primaryCta: "View the gallery",
  primaryTarget: ["gallery", "projects"],
  secondaryCta: "Check availability",
  secondaryTarget: ["contact"],
  heroAlt: "Abstract illustration of light through a camera lens",
  titles: {
    gallery: { nav: "Gallery", title: "Recent work", lead: "A small selection from recent weddings, portraits and commissions." },
    about: { title: "Behind the camera" },
    services: { nav: "Sessions", title: "Sessions and packages" },
    contact: { nav: "Book", title: "Book a session", lead: "Tell me the date, the place and a little about you." },
  },
  about: {
    paragraphs: [
      "{name} is a small studio with a documentary approach: little posing, lots of real moments.",
      "Every session includes a relaxed planning call, careful editing and a private online gallery to share with family.",
    ],
    highlights: ["Natural light specialists", "Private online galleries", "Fine-art prints available"],
  },
  services: [
    { title: "Weddings", text: "Full-day coverage with a calm, unobtrusive approach.", icon: "heart" },
    { title: "Portraits", text: "Relaxed sessions outdoors or in the studio.", icon: "star" },
    { title: "Brand stories", text: "Images of your people, spaces and work for your website.", icon: "layers" },
  ],
  gallery: [
    "A couple laughing in golden evening light",
    "Black and white portrait of an elderly musician",
    "Morning fog over a mountain lake",
    "A ceramicist's hands shaping clay",
    "Wedding guests dancing under string lights",
    "A child running through tall summer grass",
  ],
  pricing: [
    { name: "Portrait", price: 250, period: "session", text: "One hour, one location.", features: ["30 edited images", "Online gallery", "Print release"] },
    { name: "Wedding", price: 2400, period: "day", text: "Full-day coverage.", features: ["Up to 10 hours", "500+ edited images", "Engagement session"], featured: true },
    { name: "Brand", price: 900, period: "half day", text: "For small businesses.", features: ["Team and space photos", "Commercial licence", "Two-week turnaround"] },
  ],
  contact: {
    topicLabel: "Session type",
    topics: ["Wedding", "Portrait", "Brand photography", "Something else"],
    hours: ["Replies within two working days"],
    address: "Studio visits by appointment",
    submit: "Check availability",
  },
};

export const AGENCY_CONTENT: KindOverrides = {
  label: "Agency",
  names: ["Parallel Studio", "Brightline Agency", "Common Thread"],
  accent: "#e11d48",
  headingFont: "sans",
  defaultSections: ["services", "projects", "stats", "team", "testimonials", "contact"],
  eyebrow: "Independent creative agency",
  tagline: "Brands people remember. Websites that work.",
  lead: "{name} is a small, senior team of strategists, designers and engineers helping ambitious companies grow with clarity.",
  primaryCta: "Start a project",
  primaryTarget: ["contact"],
  secondaryCta: "See our work",
  secondaryTarget: ["projects", "services"],
  heroAlt: "Bold abstract shapes representing creative collaboration",
  titles: {
    services: { nav: "Services", title: "What we do best" },
    projects: { nav: "Work", title: "Case studies", lead: "Results we are proud of, for clients we love." },
    team: { title: "A small, senior team" },
    contact: { title: "Tell us about your project", lead: "Share a few details and we will set up a no-pressure intro call." },
  },
  services: [
    { title: "Brand strategy", text: "Positioning, naming and messaging that make you unmistakable.", icon: "spark" },
    { title: "Identity design", text: "Logos, typography and systems that scale with you.", icon: "layers" },
    { title: "Websites", text: "Fast, accessible sites that turn visitors into customers.", icon: "bolt" },
    { title: "Campaigns", text: "Launches and content that people actually want to share.", icon: "chat" },
  ],
  projects: [
    { title: "Verde Energy", text: "A rebrand and website that helped a clean-energy startup raise its Series A.", tags: ["Brand", "Web"] },
    { title: "Kettle & Co", text: "Packaging and launch campaign for an independent tea company.", tags: ["Packaging", "Campaign"] },
    { title: "Civic Labs", text: "A design system and public site for a government innovation team.", tags: ["Design system", "Accessibility"] },
  ],
  stats: [
    { value: "120+", label: "Projects delivered" },
    { value: "38", label: "Industry awards" },
    { value: "92%", label: "Clients who return" },
    { value: "12", label: "Senior specialists" },
  ],
  contact: {
    topicLabel: "Budget range",
    topics: ["Under 10k", "10k to 50k", "50k and above", "Not sure yet"],
    hours: ["Monday to Friday, 9:00 to 18:00"],
    submit: "Send brief",
  },
};

export const BLOG_CONTENT: KindOverrides = {
  label: "Blog",
  names: ["Field Notes", "The Quiet Hour", "Margins"],
  accent: "#2563eb",
  headingFont: "serif",
  defaultSections: ["posts", "about", "newsletter"],
  eyebrow: "A blog about living and making",
  tagline: "Essays, notes and ideas worth slowing down for.",
  lead: "{name} is a weekly journal of thoughtful writing on craft, curiosity and the small things that make a good day.",
  primaryCta: "Read the latest",
  primaryTarget: ["posts"],
  secondaryCta: "Subscribe",
  secondaryTarget: ["newsletter", "contact"],
  heroAlt: "Illustration of an open notebook and a pen",
  titles: {
    posts: { nav: "Articles", title: "Latest articles", lead: "Fresh writing every week." },
    about: { title: "About this blog" },
    newsletter: { title: "Get new posts by email", lead: "One email when a new essay is published. Nothing else." },
  },
  about: {
    paragraphs: [
      "{name} started as a notebook and grew into a place to think out loud about work, craft and attention.",
      "No ads, no trackers, just writing. New essays arrive most Sundays.",
    ],
    highlights: ["Weekly essays", "No ads or tracking", "Reader-supported"],
  },
  posts: [
    { title: "The art of doing one thing at a time", excerpt: "Why single-tasking feels slow but gets more done, and how to start.", date: "March 2", iso: "2025-03-02", tag: "Focus", minutes: 6 },
    { title: "Notes from a year of handwriting", excerpt: "What changed when I moved my thinking from screen to paper.", date: "February 23", iso: "2025-02-23", tag: "Craft", minutes: 8 },
    { title: "Small rituals for slow mornings", excerpt: "Five tiny habits that make the first hour of the day calmer.", date: "February 16", iso: "2025-02-16", tag: "Living", minutes: 4 },
    { title: "On finishing things", excerpt: "Perfection is a moving target. Done is a place you can stand.", date: "February 9", iso: "2025-02-09", tag: "Work", minutes: 5 },
  ],
};
