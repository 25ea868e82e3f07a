"""One router per resource; `app.api.router` collects them."""
