"""The README's tour as data: its start command, each `$ command` with the output printed
under it, and the comparison of a printed output with a real one.

The convention (documented above the tour): `…` stands for what varies or is left out.
In a header value or a line of text it matches any characters; a line that is only `…`
matches any number of lines; in JSON, a string ending in `…` matches any string that
starts with what precedes it, and a bare `…` in a list matches any number of items.
Objects are never trimmed: every member the server sends is printed, in its order.
JSON is wrapped for reading and compared as JSON; `localhost:8000` is wherever the test
server listens.
"""

import json
import re
import shlex
from typing import Any

ELIDED = "\x00elided"


def tour_section(readme: str) -> str:
    return readme.split("\n## A tour of the API", 1)[1].split("\n### Lists and filters", 1)[0]


def start_command(section: str) -> str:
    """The tour's one ```sh block: how the server it shows is started."""
    (block,) = re.findall(r"```sh\n(.+?)\n```", section, re.DOTALL)
    return block


def commands(section: str) -> list[tuple[str, str]]:
    """(command, printed output) for every `$ ` line of the ```console blocks, in order."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", section, re.DOTALL):
        continued = False
        for line in block.splitlines():
            if continued:
                steps[-1] = (steps[-1][0] + "\n" + line, steps[-1][1])
            elif line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
            continued = not steps[-1][1] and incomplete(steps[-1][0])
    return [(command, "\n".join(output).strip("\n")) for command, output in steps]


def incomplete(command: str) -> bool:
    """A command that goes on on the next line: a trailing backslash, an open quote."""
    try:
        shlex.split(command, comments=True)
    except ValueError:
        return True
    return False


def glob(pattern: str, text: str) -> bool:
    regex = ".*".join(re.escape(part) for part in pattern.split("…"))
    return re.fullmatch(regex, text, re.DOTALL) is not None


def mismatch(printed: str, actual: str) -> str | None:
    """Where a real output differs from the printed one, or None when it matches."""
    if printed.startswith("HTTP/"):
        printed_head, _, printed_body = printed.partition("\n\n")
        actual_head, _, actual_body = actual.partition("\n\n")
        problem = lines_mismatch(printed_head.splitlines(), actual_head.splitlines(), "head")
        return problem or body_mismatch(printed_body, actual_body)
    return body_mismatch(printed, actual)


def body_mismatch(printed: str, actual: str) -> str | None:
    if printed.lstrip().startswith(("{", "[")):
        try:
            document = json.loads(actual)
        except ValueError:
            return "the server did not answer JSON"
        return json_mismatch(parse_printed_json(printed), document, "$")
    return lines_mismatch(printed.splitlines(), actual.splitlines(), "output")


def lines_mismatch(printed: list[str], actual: list[str], where: str) -> str | None:
    if not printed:
        return None if not actual else f"{where}: unexpected line {actual[0]!r}"
    if printed[0] == "…":
        if any(lines_mismatch(printed[1:], actual[skip:], where) is None
               for skip in range(len(actual) + 1)):  # fmt: skip
            return None
        return f"{where}: nothing matches the lines after '…'"
    if not actual:
        return f"{where}: missing line {printed[0]!r}"
    if not glob(printed[0], actual[0]):
        return f"{where}: printed {printed[0]!r}, got {actual[0]!r}"
    return lines_mismatch(printed[1:], actual[1:], where)


def parse_printed_json(text: str) -> Any:
    """Printed JSON with its bare `…` (outside strings) read as list wildcards."""
    out, in_string, escaped = [], False, False
    for char in text:
        if in_string:
            escaped = not escaped and char == "\\"
            in_string = escaped or char != '"'
        elif char == '"':
            in_string = True
        elif char == "…":
            char = json.dumps(ELIDED)
        out.append(char)
    return json.loads("".join(out))


def json_mismatch(printed: Any, actual: Any, path: str) -> str | None:
    if isinstance(printed, dict):
        if not isinstance(actual, dict) or list(printed) != list(actual):
            keys = list(actual) if isinstance(actual, dict) else actual
            return f"{path}: printed members {list(printed)}, got {keys}"
        for key, value in printed.items():
            problem = json_mismatch(value, actual[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(printed, list):
        if not isinstance(actual, list):
            return f"{path}: printed a list, got {actual!r}"
        return items_mismatch(printed, actual, path, 0)
    if isinstance(printed, str) and "…" in printed:
        if isinstance(actual, str) and glob(printed, actual):
            return None
        return f"{path}: printed {printed!r}, got {actual!r}"
    if type(printed) is not type(actual) or printed != actual:
        return f"{path}: printed {printed!r}, got {actual!r}"
    return None


def items_mismatch(printed: list, actual: list, path: str, index: int) -> str | None:
    if not printed:
        return None if not actual else f"{path}: {len(actual)} more items than printed"
    if printed[0] == ELIDED:
        for skip in range(len(actual) + 1):
            if items_mismatch(printed[1:], actual[skip:], path, index + skip) is None:
                return None
        return f"{path}: nothing matches the items after '…'"
    if not actual:
        return f"{path}: fewer items than printed"
    problem = json_mismatch(printed[0], actual[0], f"{path}[{index}]")
    return problem or items_mismatch(printed[1:], actual[1:], path, index + 1)
