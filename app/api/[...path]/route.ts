import { AppError, toErrorResponse } from "@/lib/server/http/app-error";

export const dynamic = "force-dynamic";

// Unknown API paths answer with the JSON error body, not Next's HTML 404 page.
const notFound = () => toErrorResponse(new AppError("NOT_FOUND", "No such API endpoint"));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
