/**
 * Generic, calm landing-page copy. It is what an unknown prompt gets, and what every kind falls
 * back to for sections it does not specialise.
 */

import type { KindContent } from "./kind-content";

export const DEFAULT_CONTENT: KindContent = {
  label: "Landing page",
  names: ["Northwind", "Brightside", "Evergreen Studio"],
  accent: "#4f46e5",
  lightTint: null,
  headingFont: "sans",
  defaultSections: ["features", "about", "testimonials", "faq", "contact"],
  eyebrow: "Welcome",
  tagline: "A simple idea, beautifully done.",
  lead: "{name} brings clarity to everyday work with thoughtful design, honest pricing and people who actually answer your messages.",
  primaryCta: "Get in touch",
  primaryTarget: ["contact", "newsletter"],
  secondaryCta: "Learn more",
  secondaryTarget: ["features", "about", "services"],
  heroAlt: "Soft abstract shapes in the brand colours",
  titles: {
    about: { nav: "About", title: "About {name}", lead: "Where we come from and what we care about." },
    features: { nav: "Features", title: "Why people choose us", lead: "Everything you need, nothing you don't." },
    services: { nav: "Services", title: "What we do", lead: "Focused services, delivered with care." },
    menu: { nav: "Menu", title: "Our menu", lead: "Made fresh, every day." },
    products: { nav: "Shop", title: "Featured products", lead: "A small collection we are proud of." },
    projects: { nav: "Work", title: "Selected work", lead: "A few projects we loved working on." },
    gallery: { nav: "Gallery", title: "Gallery", lead: "A glimpse of what we do." },
    schedule: { nav: "Schedule", title: "Schedule", lead: "Plan your visit around what matters to you." },
    stats: { nav: "Impact", title: "By the numbers", lead: "A few figures we are quietly proud of." },
    team: { nav: "Team", title: "Meet the team", lead: "The people behind {name}." },
    testimonials: { nav: "Reviews", title: "What people say", lead: "Kind words from people we have worked with." },
    pricing: { nav: "Pricing", title: "Simple, honest pricing", lead: "Pick a plan that fits. Change or cancel any time." },
    posts: { nav: "Blog", title: "Latest writing", lead: "Notes, ideas and updates." },
    faq: { nav: "FAQ", title: "Frequently asked questions", lead: "Quick answers to the questions we hear most." },
    newsletter: { nav: "Newsletter", title: "Stay in the loop", lead: "One thoughtful email a month. No spam, unsubscribe any time." },
    contact: { nav: "Contact", title: "Get in touch", lead: "Tell us a little about what you need and we will reply within one working day." },
  },
  about: {
    paragraphs: [
      "{name} started with a simple belief: good work should feel effortless for the people it serves.",
      "Today we are a small, independent team. We keep things simple, we sweat the details, and we treat every request like it matters, because it does.",
    ],
    highlights: ["Independent and people-first", "Thoughtful, lasting quality", "Friendly, fast support"],
  },
  features: [
    { title: "Thoughtfully simple", text: "A clear experience that gets out of your way so you can focus on what matters.", icon: "spark" },
    { title: "Reliable every day", text: "Built to be dependable, with care taken over every small detail.", icon: "shield" },
    { title: "Fast by default", text: "Quick to start, quick to use, and quick to help when you need us.", icon: "bolt" },
    { title: "Made with care", text: "Designed by people who use it themselves and listen to feedback.", icon: "heart" },
  ],
  services: [
    { title: "Consulting", text: "We listen first, then help you find the simplest path to your goal.", icon: "chat" },
    { title: "Design", text: "Clean, accessible design that feels calm and works on every screen.", icon: "layers" },
    { title: "Delivery", text: "We ship in small, reviewable steps so there are never any surprises.", icon: "bolt" },
  ],
  menu: [
    {
      title: "Favourites",
      items: [
        { name: "House special", text: "Our most-loved dish, made the same way since day one.", price: 12 },
        { name: "Seasonal plate", text: "Whatever is best at the market this week.", price: 14 },
        { name: "Fresh salad", text: "Crisp leaves, herbs and a bright lemon dressing.", price: 9 },
      ],
    },
    {
      title: "Drinks",
      items: [
        { name: "Fresh lemonade", text: "Squeezed to order, lightly sweet.", price: 4 },
        { name: "Iced tea", text: "Brewed in-house with a hint of mint.", price: 3.5 },
      ],
    },
  ],
  products: [
    { name: "The Essential", text: "Our signature piece, designed to last for years.", price: 48 },
    { name: "The Everyday", text: "A lighter take for daily use.", price: 32 },
    { name: "The Gift Set", text: "A curated bundle, wrapped and ready to give.", price: 65 },
    { name: "The Mini", text: "Everything you love, in a smaller size.", price: 18 },
  ],
  projects: [
    { title: "Brand refresh", text: "A calmer identity and website for a growing local business.", tags: ["Branding", "Web"] },
    { title: "Launch campaign", text: "A focused launch that doubled sign-ups in the first month.", tags: ["Strategy", "Content"] },
    { title: "Community app", text: "A simple app that helps neighbours share tools and time.", tags: ["Product", "Mobile"] },
  ],
  gallery: [
    "Morning light across a tidy workspace",
    "Hands sketching early ideas on paper",
    "A close-up of carefully chosen materials",
    "The team talking through a project",
    "Finished work, ready to share",
    "A quiet corner at the end of the day",
  ],
  schedule: [
    { time: "09:00", title: "Doors open", text: "Coffee, introductions and a warm welcome." },
    { time: "10:30", title: "Main session", text: "The heart of the day, with plenty of time for questions." },
    { time: "13:00", title: "Lunch break", text: "Fresh, local food and good conversation." },
    { time: "15:00", title: "Workshops", text: "Small groups, hands-on and practical." },
  ],
  stats: [
    { value: "10+", label: "Years of experience" },
    { value: "2,400", label: "Happy customers" },
    { value: "4.9/5", label: "Average rating" },
    { value: "24h", label: "Typical reply time" },
  ],
  team: [
    { name: "Alex Morgan", role: "Founder", bio: "Started {name} to do things a little more thoughtfully." },
    { name: "Sam Rivera", role: "Lead designer", bio: "Turns fuzzy ideas into calm, clear experiences." },
    { name: "Jordan Lee", role: "Customer care", bio: "Makes sure every question gets a friendly, useful answer." },
  ],
  testimonials: [
    { quote: "Working with {name} was the easiest decision we made all year. Clear, kind and genuinely good.", author: "Priya S.", role: "Small business owner" },
    { quote: "Every detail was considered. It just works, and it feels lovely to use.", author: "Marcus T.", role: "Returning customer" },
    { quote: "Fast replies, honest advice and a result we are proud of.", author: "Elena R.", role: "Project lead" },
  ],
  pricing: [
    { name: "Starter", price: 0, period: "month", text: "For trying things out.", features: ["Core features", "Community support", "1 project"] },
    { name: "Plus", price: 19, period: "month", text: "For people who are ready to grow.", features: ["Everything in Starter", "Priority support", "Unlimited projects"], featured: true },
    { name: "Team", price: 49, period: "month", text: "For teams working together.", features: ["Everything in Plus", "Shared workspaces", "Admin controls"] },
  ],
  posts: [
    { title: "Why simple beats clever", excerpt: "The most useful things are often the least complicated. Here is how we keep it that way.", date: "March 4", iso: "2025-03-04", tag: "Ideas", minutes: 4 },
    { title: "A look behind the scenes", excerpt: "How a small team plans, builds and ships without the chaos.", date: "February 18", iso: "2025-02-18", tag: "Process", minutes: 6 },
    { title: "What we learned this year", excerpt: "Five lessons from a year of listening to the people we serve.", date: "January 9", iso: "2025-01-09", tag: "Notes", minutes: 5 },
  ],
  faq: [
    { q: "How do I get started?", a: "Send us a message using the form below and we will reply within one working day with next steps." },
    { q: "Do you work with small businesses?", a: "Yes. Most of the people we work with are independent businesses and small teams." },
    { q: "Can I change my mind later?", a: "Of course. Nothing is locked in, and we are happy to adjust as your needs change." },
    { q: "Where are you based?", a: "We are a small independent team and happily work with people wherever they are." },
  ],
  contact: {
    topicLabel: "What can we help with?",
    topics: ["General question", "Working together", "Something else"],
    hours: ["Monday to Friday, 9:00 to 17:00"],
    address: "12 Harbour Street",
    submit: "Send message",
  },
};
