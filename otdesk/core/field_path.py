"""A field's place in a consultation: a dotted path such as ``requester.name`` or
``session.duration_minutes``, with the one way to read, write and type it."""

from __future__ import annotations

from typing import Any

from otdesk.core.hints import field_types, is_record, strip_optional


class FieldPathError(ValueError):
    """The path does not lead to an attribute (a template's mistake)."""


class FieldPath(str):
    """A dotted attribute path below a root dataclass (the consultation)."""

    @property
    def parts(self) -> list[str]:
        return self.split(".")

    def type_in(self, root: type) -> Any:
        """The attribute's type, ``X | None`` taken as ``X`` (FieldPathError when a part
        of the path does not exist)."""
        tp: Any = root
        walked: list[str] = []
        for part in self.parts:
            if not is_record(tp):
                raise FieldPathError(f"{'.'.join(walked)} has no attributes (looking for "
                                     f"{part!r})")
            hints = field_types(tp)
            if part not in hints:
                raise FieldPathError(f"{tp.__name__} has no attribute {part!r} (in {self!r})")
            tp = strip_optional(hints[part])
            walked.append(part)
        return tp

    def get(self, root: Any) -> Any:
        """The value at this path; None where an optional record on the way is empty."""
        value = root
        for part in self.parts:
            if value is None:
                return None
            value = getattr(value, part)
        return value

    def set(self, root: Any, value: Any) -> None:
        """Put ``value`` at this path, making an empty optional record on the way (an
        unfilled consent) first."""
        *path, last = self.parts
        target = root
        for part in path:
            child = getattr(target, part)
            if child is None:
                child = strip_optional(field_types(type(target))[part])()
                setattr(target, part, child)
            target = child
        setattr(target, last, value)

    @property
    def top(self) -> str:
        """The consultation's own attribute this path starts from (``requester``)."""
        return self.parts[0]
