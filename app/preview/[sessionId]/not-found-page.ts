import { renderStaticNotFound } from "@/lib/server/site/not-found-page";

/** The 404 document of `/preview/:id`. */
export const renderNotFoundPage = (): Response =>
  renderStaticNotFound({
    title: "Preview not found — OpenV0",
    testId: "preview-not-found",
    heading: "No preview here",
    text: "This link does not point to a site on this server, or the site has not been written yet.",
    homeLink: "Go to OpenV0",
  });
