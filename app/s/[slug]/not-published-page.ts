import { renderStaticNotFound } from "@/lib/server/site/not-found-page";

/** The 404 of an address where nothing is published (never was, taken down, or its project deleted). */
export const renderSiteNotFound = (): Response =>
  renderStaticNotFound({
    title: "Site not found",
    testId: "site-not-found",
    heading: "No site here",
    text: "Nothing is published at this address. It may have been taken down by its owner.",
    noindex: true,
  });
