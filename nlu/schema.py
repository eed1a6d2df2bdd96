"""Names fixed by the NLU contract (../shared/nlu/CONTRACT.md)."""

INTENTS = (
    "help", "about", "register", "post_request", "list_tasks", "accept_task",
    "check_in", "check_out", "confirm_done", "cancel", "my_orders", "balance",
    "history", "transfer", "donate", "redeem", "rate", "sos", "subscribe",
    "unsubscribe", "broadcast", "affirm", "deny", "unknown",
)

SERVICE_CODES = (
    "medical_escort", "shopping", "cleaning", "companionship", "haircut",
    "meal", "bathing", "repair", "errand", "digital_help",
)

ROLES = ("elder", "volunteer", "family")
AUDIENCES = ("all", "elder", "volunteer")

# The slots each intent may carry; only these are scored by the evaluator.
INTENT_SLOTS: dict[str, tuple[str, ...]] = {
    "register": ("role",),
    "post_request": ("service", "date", "time", "duration_min"),
    "list_tasks": ("service",),
    "accept_task": ("task_id",),
    "check_in": ("task_id",),
    "check_out": ("task_id",),
    "confirm_done": ("task_id",),
    "cancel": ("task_id",),
    "transfer": ("amount_min",),
    "donate": ("amount_min",),
    "rate": ("score", "task_id"),
    "broadcast": ("audience",),
}
