"""Write docs/schema.md from records.py: every record class with its fields, their types,
defaults and the comments records.py gives them.

Run `python -m ceasefire.schema_doc` after changing records.py; a test fails while the
committed docs/schema.md differs from what this writes. SCHEMA.md (shared with the other
projects reading the records) says what each field means; this file says what the code holds.
"""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
_HEAD = """# Records, as the code holds them

Generated from `src/ceasefire/records.py` by `python -m ceasefire.schema_doc`; do not edit by
hand (a test compares this file with what the generator writes). `SCHEMA.md` is the contract
these classes implement; `docs/exports.md` lists the columns the exports flatten them into.
"""


def render() -> str:
    source = (resources.files("ceasefire") / "records.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    parts = [_HEAD]
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and _is_dataclass(node):
            parts.append(_section(node, lines))
    return "\n".join(parts)


def _is_dataclass(node: ast.ClassDef) -> bool:
    return any("dataclass" in ast.unparse(d) for d in node.decorator_list)


def _section(node: ast.ClassDef, lines: list[str]) -> str:
    text = [f"## {node.name}", ""]
    doc = ast.get_docstring(node)
    if doc:
        text += [" ".join(doc.split()), ""]
    text += ["| field | type | default | note |", "| --- | --- | --- | --- |"]
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            default = _default(item.value)
            note = _comment(item, lines).replace("|", "\\|")
            kind = ast.unparse(item.annotation).replace("|", "\\|")
            text.append(f"| `{item.target.id}` | `{kind}` | {default} | {note} |")
    return "\n".join(text) + "\n"


def _default(value: ast.expr | None) -> str:
    """The default as written, a `field(default_factory=...)` as the empty value it makes;
    no default: required."""
    if value is None:
        return "required"
    if isinstance(value, ast.Call) and ast.unparse(value.func) == "field":
        for keyword in value.keywords:
            if keyword.arg == "default_factory":
                made = ast.unparse(keyword.value)
                return {"list": "`[]`", "dict": "`{}`"}.get(made, f"made by `{made}`")
    return f"`{ast.unparse(value)}`".replace("|", "\\|")


def _comment(item: ast.AnnAssign, lines: list[str]) -> str:
    """The comment at the end of the field's line, and the comment lines right above it."""
    above = []
    number = item.lineno - 2
    while number >= 0 and lines[number].strip().startswith("#"):
        above.insert(0, lines[number].strip().lstrip("#").strip())
        number -= 1
    _, _, trailing = lines[item.lineno - 1].partition("  # ")
    return " ".join([*above, trailing.strip()]).strip()


def main() -> None:
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
