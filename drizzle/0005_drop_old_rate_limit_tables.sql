-- Their counts moved to rate_limit_counters (0004); counters are short-lived, so none are carried over.
DROP TABLE "share_link_misses" CASCADE;--> statement-breakpoint
DROP TABLE "sign_in_failures" CASCADE;