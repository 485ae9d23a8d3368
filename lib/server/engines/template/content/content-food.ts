/** Copy for places that feed people: bakeries, cafes and restaurants. */

import type { KindOverrides } from "./kind-content";

export const BAKERY_CONTENT: KindOverrides = {
  label: "Bakery",
  names: ["Golden Crust Bakery", "Flour & Fold", "The Morning Loaf"],
  accent: "#b45309",
  lightTint: "#f7ead7",
  headingFont: "serif",
  defaultSections: ["about", "menu", "gallery", "testimonials", "contact"],
  eyebrow: "Artisan bakery",
  tagline: "Bread worth waking up for.",
  lead: "Slow-fermented sourdough, buttery croissants and seasonal cakes, baked by hand at {name} every morning before the sun is up.",
  primaryCta: "See the menu",
  primaryTarget: ["menu", "products", "gallery"],
  secondaryCta: "Visit us",
  secondaryTarget: ["contact"],
  heroAlt: "Warm illustration of freshly baked loaves",
  titles: {
    about: { nav: "Our story", title: "Baked slowly, with care", lead: "Good bread takes time. We give it all the time it needs." },
    menu: { nav: "Menu", title: "Fresh from the oven", lead: "Baked every morning. When it is gone, it is gone." },
    gallery: { nav: "Gallery", title: "Inside the bakery", lead: "Flour, butter, patience and a very hot oven." },
    testimonials: { nav: "Reviews", title: "Loved by our neighbours" },
    contact: { nav: "Visit", title: "Visit or order ahead", lead: "Pop in, or send us a note to reserve a loaf or order a celebration cake." },
    products: { title: "Take home a treat" },
  },
  about: {
    paragraphs: [
      "{name} began with one sourdough starter and a borrowed oven. Years later, the starter is still going and so are we.",
      "We use organic flour from nearby mills, real butter and seasonal fruit, and we let every dough rest for as long as it needs.",
    ],
    highlights: ["48-hour fermented sourdough", "Organic, locally milled flour", "Baked fresh every morning"],
  },
  menu: [
    {
      title: "Breads",
      items: [
        { name: "Country sourdough", text: "Crackling crust, open crumb, 48-hour ferment.", price: 7 },
        { name: "Seeded rye", text: "Dense, nutty and perfect with butter.", price: 6.5 },
        { name: "Baguette", text: "Baked three times a day for the crispest crust.", price: 3.5 },
      ],
    },
    {
      title: "Pastries",
      items: [
        { name: "Butter croissant", text: "Laminated over three days, shatteringly flaky.", price: 3.75 },
        { name: "Pain au chocolat", text: "Two batons of dark chocolate in every one.", price: 4.25 },
        { name: "Cardamom bun", text: "Sticky, fragrant and gone by noon.", price: 4.5 },
      ],
    },
    {
      title: "Cakes",
      items: [
        { name: "Lemon drizzle slice", text: "Bright, tender and just sweet enough.", price: 4 },
        { name: "Seasonal fruit tart", text: "Crisp pastry, vanilla cream, fruit at its best.", price: 5.5 },
      ],
    },
  ],
  products: [
    { name: "Sourdough loaf", text: "Our signature country loaf.", price: 7 },
    { name: "Croissant box", text: "Six butter croissants, ready to share.", price: 20 },
    { name: "Celebration cake", text: "Made to order, serves twelve.", price: 45 },
    { name: "Granola jar", text: "Toasted oats, honey and nuts.", price: 9 },
  ],
  gallery: [
    "Sourdough loaves cooling on a wooden rack",
    "Golden croissants fresh from the oven",
    "A baker shaping dough on a floured bench",
    "Seasonal fruit tarts lined up in the window",
    "Morning light over the bakery counter",
    "A basket of crusty baguettes",
  ],
  testimonials: [
    { quote: "The best croissant I have had outside Paris. I plan my Saturday around it.", author: "Claire D.", role: "Weekend regular" },
    { quote: "{name} made our wedding cake and people are still talking about it.", author: "Tom & Aisha", role: "Newlyweds" },
    { quote: "Their sourdough ruined supermarket bread for me forever.", author: "Ben K.", role: "Neighbour" },
  ],
  faq: [
    { q: "Can I order a cake for a special occasion?", a: "Yes. Send us a message at least three days ahead and we will design it with you." },
    { q: "Do you have gluten-free options?", a: "We bake a gluten-free loaf and brownies daily, in a separate area of the kitchen." },
    { q: "What time should I come for the best choice?", a: "Early! Most pastries are at their best, and still in stock, before 11am." },
  ],
  contact: {
    topicLabel: "What would you like?",
    topics: ["Reserve bread or pastries", "Celebration cake", "Wholesale enquiry", "Something else"],
    hours: ["Tuesday to Friday, 7:00 to 16:00", "Saturday and Sunday, 8:00 to 14:00"],
    address: "24 Mill Lane",
    submit: "Send request",
  },
};

export const CAFE_CONTENT: KindOverrides = {
  label: "Cafe",
  names: ["Common Grounds", "The Daily Cup", "Little Ember Coffee"],
  accent: "#7c4a2d",
  lightTint: "#f3e9df",
  headingFont: "serif",
  defaultSections: ["about", "menu", "gallery", "testimonials", "contact"],
  eyebrow: "Neighbourhood cafe",
  tagline: "Good coffee, unhurried.",
  lead: "Specialty coffee roasted in small batches, homemade bakes and a quiet corner with your name on it. Welcome to {name}.",
  primaryCta: "See the menu",
  primaryTarget: ["menu"],
  secondaryCta: "Find us",
  secondaryTarget: ["contact"],
  heroAlt: "Illustration of a steaming cup of coffee",
  titles: {
    about: { nav: "About", title: "A place to slow down" },
    menu: { nav: "Menu", title: "What we are pouring", lead: "Seasonal single origins, milk alternatives at no extra cost." },
    gallery: { title: "Around the cafe" },
    contact: { nav: "Visit", title: "Come say hello" },
  },
  about: {
    paragraphs: [
      "{name} is a small neighbourhood cafe for early starts, long chats and laptops that need a charge.",
      "We roast our beans in small batches, bake everything in-house and know most of our regulars by their order.",
    ],
    highlights: ["Small-batch roasted beans", "Oat, almond and soy at no extra cost", "Free, fast wifi"],
  },
  menu: [
    {
      title: "Coffee",
      items: [
        { name: "Espresso", text: "Our house blend, chocolatey and bright.", price: 2.8 },
        { name: "Flat white", text: "Velvety milk, double ristretto.", price: 3.8 },
        { name: "Pour over", text: "Rotating single origin, brewed to order.", price: 4.5 },
      ],
    },
    {
      title: "Bites",
      items: [
        { name: "Banana bread", text: "Toasted, with salted butter.", price: 3.5 },
        { name: "Avocado toast", text: "Sourdough, chilli, lime and seeds.", price: 8.5 },
        { name: "Almond croissant", text: "Twice-baked and generously filled.", price: 4 },
      ],
    },
  ],
  gallery: [
    "Latte art in a ceramic cup",
    "Freshly roasted coffee beans",
    "Sunlit tables by the cafe window",
    "A barista pouring a flat white",
    "Homemade cakes under glass domes",
    "A cosy reading corner with armchairs",
  ],
  contact: {
    topicLabel: "What is it about?",
    topics: ["Book a table for a group", "Private event", "Coffee beans for your office", "Something else"],
    hours: ["Monday to Friday, 7:00 to 17:00", "Weekends, 8:00 to 16:00"],
    address: "5 Market Square",
  },
};

export const RESTAURANT_CONTENT: KindOverrides = {
  label: "Restaurant",
  names: ["Olive & Ember", "The Long Table", "Salt House"],
  accent: "#b91c1c",
  lightTint: "#f6efe6",
  headingFont: "serif",
  defaultSections: ["about", "menu", "gallery", "testimonials", "contact"],
  eyebrow: "Seasonal kitchen",
  tagline: "Honest food, shared generously.",
  lead: "Wood-fired dishes, natural wines and ingredients from farms we know by name. Book a table at {name} and stay a while.",
  primaryCta: "Book a table",
  primaryTarget: ["contact"],
  secondaryCta: "View the menu",
  secondaryTarget: ["menu"],
  heroAlt: "Illustration of a table set with shared plates",
  titles: {
    about: { nav: "Story", title: "From the farm to the fire" },
    menu: { nav: "Menu", title: "Tonight's menu", lead: "Our menu changes with the seasons. Please tell us about any allergies." },
    gallery: { title: "At the table" },
    contact: { nav: "Reservations", title: "Reserve a table", lead: "Send a request and we will confirm your table by email. For groups over eight, tell us in the message." },
  },
  about: {
    paragraphs: [
      "{name} is a neighbourhood restaurant built around a wood-fired oven and a long shared table.",
      "We cook with what local growers bring us each morning and pour wines from small producers who farm with care.",
    ],
    highlights: ["Seasonal, local produce", "Natural and low-intervention wines", "Vegetarian menu every night"],
  },
  menu: [
    {
      title: "To start",
      items: [
        { name: "Charred flatbread", text: "Whipped feta, honey and thyme.", price: 9 },
        { name: "Burrata", text: "Heritage tomatoes, basil oil, sea salt.", price: 13 },
      ],
    },
    {
      title: "Mains",
      items: [
        { name: "Wood-fired chicken", text: "Lemon, garlic and crispy potatoes.", price: 24 },
        { name: "Market fish", text: "Fennel, capers and brown butter.", price: 27 },
        { name: "Wild mushroom risotto", text: "Aged parmesan and herbs.", price: 21 },
      ],
    },
    {
      title: "Desserts",
      items: [
        { name: "Olive oil cake", text: "Citrus and crème fraîche.", price: 9 },
        { name: "Dark chocolate mousse", text: "Sea salt and hazelnuts.", price: 9 },
      ],
    },
  ],
  gallery: [
    "Plates of seasonal food on a long wooden table",
    "Flames inside the wood-fired oven",
    "Chefs plating dishes in the open kitchen",
    "Glasses of natural wine by candlelight",
    "Fresh vegetables delivered from a local farm",
    "The dining room before evening service",
  ],
  faq: [
    { q: "Do you take walk-ins?", a: "Yes, we keep a few tables and the bar for walk-ins every evening." },
    { q: "Can you cater for allergies?", a: "Absolutely. Let us know when booking and our chefs will adapt dishes for you." },
    { q: "Do you host private dinners?", a: "Our long table seats up to sixteen for private events. Send us a message for details." },
  ],
  contact: {
    topicLabel: "Reservation type",
    topics: ["Table for two", "Table for a group", "Private dining", "Other enquiry"],
    hours: ["Wednesday to Saturday, 17:30 to 23:00", "Sunday lunch, 12:00 to 16:00"],
    address: "8 Vine Street",
    submit: "Request a table",
  },
};
