/** Copy for gatherings and wellbeing: events and fitness studios. */

import type { KindOverrides } from "./kind-content";

export const EVENT_CONTENT: KindOverrides = {
  label: "Event",
  names: ["Horizon Summit", "Gather Festival", "Open Minds Conference"],
  accent: "#7c3aed",
  headingFont: "sans",
  defaultSections: ["about", "schedule", "team", "pricing", "faq", "contact"],
  eyebrow: "One day, one room, big ideas",
  tagline: "The gathering for people who build what's next.",
  lead: "Join speakers, makers and curious minds at {name} for a day of talks, workshops and conversations that stay with you.",
  primaryCta: "Get tickets",
  primaryTarget: ["pricing", "contact"],
  secondaryCta: "See the schedule",
  secondaryTarget: ["schedule", "about"],
  heroAlt: "Festive abstract illustration with confetti shapes",
  titles: {
    about: { nav: "About", title: "Why attend" },
    schedule: { nav: "Schedule", title: "The programme", lead: "A full day of talks, workshops and time to meet people." },
    team: { nav: "Speakers", title: "Speakers", lead: "Practitioners sharing what actually worked." },
    pricing: { nav: "Tickets", title: "Tickets", lead: "Early-bird prices for a limited time." },
    contact: { title: "Questions or group bookings?" },
  },
  about: {
    paragraphs: [
      "{name} brings together people from design, technology and the arts for one focused, friendly day.",
      "Expect short talks, hands-on workshops, good food and plenty of time to meet the people behind the ideas.",
    ],
    highlights: ["20 speakers", "8 hands-on workshops", "Step-free venue with live captions"],
  },
  schedule: [
    { time: "09:00", title: "Registration and breakfast", text: "Pick up your badge and meet fellow attendees." },
    { time: "10:00", title: "Opening keynote", text: "Where we are, and where we could go next." },
    { time: "11:30", title: "Talks: building with care", text: "Three short talks on sustainable ways of working." },
    { time: "13:00", title: "Lunch", text: "Local, seasonal and vegetarian-friendly." },
    { time: "14:30", title: "Workshops", text: "Choose one of eight small-group sessions." },
    { time: "17:00", title: "Closing and drinks", text: "Wrap up the day together." },
  ],
  team: [
    { name: "Dr. Maya Chen", role: "Keynote speaker", bio: "Researcher in human-centred technology." },
    { name: "Luis Ortega", role: "Designer", bio: "Builds tools for community organisers." },
    { name: "Zara Ahmed", role: "Founder", bio: "Runs a studio for climate-focused products." },
    { name: "Kofi Mensah", role: "Engineer", bio: "Works on open-source accessibility tools." },
  ],
  pricing: [
    { name: "Student", price: 49, period: "ticket", text: "With valid student ID.", features: ["All talks", "Lunch included", "Recordings"] },
    { name: "Standard", price: 149, period: "ticket", text: "The full experience.", features: ["All talks and workshops", "Lunch and drinks", "Recordings"], featured: true },
    { name: "Team", price: 499, period: "5 tickets", text: "Bring your colleagues.", features: ["Five standard tickets", "Reserved seating", "Invoice billing"] },
  ],
  faq: [
    { q: "Is the venue accessible?", a: "Yes. The venue is step-free, with live captions for every talk and a quiet room." },
    { q: "Will talks be recorded?", a: "All main-stage talks are recorded and shared with ticket holders a week later." },
    { q: "Can I transfer my ticket?", a: "Tickets can be transferred to someone else free of charge until the day before." },
  ],
  contact: {
    topicLabel: "Topic",
    topics: ["Group booking", "Speaking", "Sponsorship", "Accessibility needs", "Something else"],
    hours: ["We reply within one working day"],
    address: "The Assembly Hall, 1 River Walk",
  },
};

export const FITNESS_CONTENT: KindOverrides = {
  label: "Fitness studio",
  names: ["Pulse Studio", "Forge Fitness", "Balance Yoga Co."],
  accent: "#ea580c",
  headingFont: "sans",
  defaultSections: ["features", "schedule", "team", "pricing", "testimonials", "contact"],
  eyebrow: "Strength, mobility, community",
  tagline: "Stronger every week. Welcome at every level.",
  lead: "Small-group classes and workouts, expert coaches and a friendly community. {name} helps you build habits that last, whatever your starting point.",
  primaryCta: "Book a free class",
  primaryTarget: ["contact"],
  secondaryCta: "View timetable",
  secondaryTarget: ["schedule", "pricing"],
  heroAlt: "Energetic abstract illustration suggesting movement",
  titles: {
    features: { nav: "Classes", title: "Classes for every body" },
    schedule: { nav: "Timetable", title: "Weekly timetable", lead: "Book up to a week ahead. Beginners welcome in every class." },
    team: { nav: "Coaches", title: "Meet your coaches" },
    pricing: { nav: "Membership", title: "Memberships", lead: "No joining fee. Pause or cancel any time." },
    contact: { title: "Book your free first class" },
  },
  features: [
    { title: "Strength", text: "Learn to lift with confidence in coached small groups.", icon: "bolt" },
    { title: "Yoga and mobility", text: "Move better, recover faster and feel good.", icon: "leaf" },
    { title: "HIIT", text: "Short, intense sessions that fit a busy day.", icon: "clock" },
    { title: "Personal training", text: "One-to-one plans built around your goals.", icon: "star" },
  ],
  schedule: [
    { time: "Mon 07:00", title: "Strength foundations", text: "Technique-first lifting, 50 minutes." },
    { time: "Tue 18:30", title: "Vinyasa yoga", text: "Flowing practice for all levels." },
    { time: "Wed 12:15", title: "Lunchtime HIIT", text: "30 minutes, full body, no equipment." },
    { time: "Thu 19:00", title: "Mobility and stretch", text: "Slow, restorative and great after work." },
    { time: "Sat 09:00", title: "Community workout", text: "Partner-based session, free for members' friends." },
  ],
  team: [
    { name: "Maria Santos", role: "Head coach", bio: "Strength coach with twelve years of experience." },
    { name: "Dev Patel", role: "Yoga teacher", bio: "Calm, precise and endlessly patient." },
    { name: "Chloe Martin", role: "HIIT coach", bio: "Makes hard workouts feel like a party." },
  ],
  pricing: [
    { name: "Drop-in", price: 15, period: "class", text: "Try any class.", features: ["Any single class", "Towel included"] },
    { name: "Unlimited", price: 89, period: "month", text: "Our most popular option.", features: ["Unlimited classes", "Free guest pass monthly", "Member events"], featured: true },
    { name: "10-class pack", price: 120, period: "pack", text: "Flexible and valid for 3 months.", features: ["Any 10 classes", "Shareable with a friend"] },
  ],
  testimonials: [
    { quote: "I was nervous about starting. The coaches at {name} made me feel at home from day one.", author: "Rachel P.", role: "Member for 2 years" },
    { quote: "Stronger, more flexible, and I actually look forward to Monday mornings.", author: "James L.", role: "Member for 8 months" },
  ],
  contact: {
    topicLabel: "I'm interested in",
    topics: ["A free first class", "Personal training", "Membership", "Something else"],
    hours: ["Weekdays, 6:30 to 21:00", "Weekends, 8:00 to 14:00"],
    address: "3 Foundry Yard",
    submit: "Book my class",
  },
};
