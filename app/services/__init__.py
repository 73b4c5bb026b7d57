"""What a runner or handler can do. Every function takes the open vault and, for
compartmentalised data, a Scope; results are frozen view objects, never ORM rows."""
