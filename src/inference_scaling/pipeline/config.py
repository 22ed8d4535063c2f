"""Load, merge and validate the assumptions file and scenario overrides.

Every problem is reported as one line, ``<file>: <group.key>: <problem>``, by raising
:class:`ConfigError`; nothing is written. Run as ``python -m inference_scaling.pipeline.config FILE
[SCENARIO]`` to validate from the shell (exit status 1 on error).
"""

from __future__ import annotations

import copy
import functools
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[3]
SCHEMA_PATH = PROJECT_ROOT / "workflow" / "schemas" / "assumptions.schema.yaml"
DEFAULT_ASSUMPTIONS = PROJECT_ROOT / "config" / "assumptions.yaml"


class ConfigError(ValueError):
    """A one-line, user-facing problem with a configuration file."""


# libyaml's parser where PyYAML was built with it: the pure-Python one costs ~0.1 s per file.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """Safe YAML loader that refuses duplicated mapping keys instead of keeping the last."""


def _construct_unique_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ConfigError(f"line {key_node.start_mark.line + 1}: duplicated key '{key}'")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)


def read_yaml(path) -> object:
    """Read a YAML file safely; any problem becomes a one-line :class:`ConfigError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read file ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is not None and problem.startswith("mapping values are not allowed"):
            problem += _indentation_hint(text, mark.line)
        raise ConfigError(f"{path}: {where}invalid YAML ({problem})") from None


def _indentation_hint(text: str, line: int) -> str:
    """PyYAML notices a dedented ``key: value`` only on the next line, when the value seems
    to continue there: name the line above when it is indented less than the one flagged."""
    lines = text.splitlines()
    if line >= len(lines):
        return ""
    above = next(
        (
            i
            for i in range(line - 1, -1, -1)
            if lines[i].strip() and not lines[i].lstrip().startswith("#")
        ),
        None,
    )
    if above is None:
        return ""

    def indent(i):
        return len(lines[i]) - len(lines[i].lstrip(" "))

    if indent(above) < indent(line) and ":" in lines[above]:
        return f"; check the indentation of line {above + 1}"
    return ""


def key_line(path, keys) -> int | None:
    """Line (1-based) of the deepest of the nested ``keys`` present in the YAML file ``path``,
    so a schema error can point at the mistake; None when the file cannot be read."""
    try:
        node = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=_SafeLoader)
    except (OSError, yaml.YAMLError):
        return None
    line = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                line, node = key_node.start_mark.line + 1, value_node
                break
        else:
            break
    return line


def _at(source, dotted: str, prefix=()) -> str:
    """`` (line N)`` for ``dotted`` (``group.key...``) in the file ``source``, if found."""
    line = key_line(source, [*prefix, *dotted.split(".")]) if dotted else None
    return f" (line {line})" if line else ""


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    """The assumptions schema, read once per process."""
    return jsonschema.Draft202012Validator(read_yaml(SCHEMA_PATH))


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    """Turn a jsonschema error into (dotted key, short problem)."""
    path = [str(p) for p in error.absolute_path]
    key = ".".join(path) or "(top level)"
    inst = error.instance
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1]
        return ".".join([*path, missing]), "missing"
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(error.schema.get("properties", {})))
        return ".".join([*path, str(extra[0])]), "unknown key"
    if v == "type":
        want = error.validator_value
        problem = f"expected {want}, got {type(inst).__name__} {inst!r}"
        if isinstance(inst, str) and _looks_numeric(inst) and "e" in inst.lower():
            problem += " (write exponents with a sign, e.g. 1.0e+25)"
        return key, problem
    if v in {"exclusiveMinimum", "minimum", "exclusiveMaximum", "maximum"}:
        op = {"exclusiveMinimum": ">", "minimum": ">=", "exclusiveMaximum": "<", "maximum": "<="}[v]
        return key, f"must be {op} {error.validator_value}, got {inst!r}"
    if v in {"minItems", "maxItems"}:
        return key, f"must be a [low, high] pair, got {inst!r}"
    if v == "enum":
        return key, f"must be one of {error.validator_value}, got {inst!r}"
    return key, error.message


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _walk_numbers(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk_numbers(v, (*path, str(k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk_numbers(v, (*path, str(i)))
    elif isinstance(node, float):
        yield ".".join(path), node


def validate(data, source, prefix=()) -> None:
    """Check ``data`` (a parsed assumptions mapping) against the schema and the range rules.

    ``source`` names the file in the error message, which ends with the line of the key in
    it (under ``prefix``: ``("overrides",)`` for a scenario file) where it can be found.
    """
    if data is None:
        raise ConfigError(f"{source}: file is empty")
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of groups, got {type(data).__name__}")
    for key, number in _walk_numbers(data):
        if not math.isfinite(number):
            raise ConfigError(f"{source}: {key}: must be finite, got {number}")
    validator = _validator()
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if errors:
        # The deepest, most specific error of the first failing entry reads best.
        first = errors[0]
        leaves = [e for e in first.context or []] or [first]
        best = (
            jsonschema.exceptions.best_match([first])
            if not first.context
            else jsonschema.exceptions.best_match(leaves)
        )
        key, problem = _describe(best)
        raise ConfigError(f"{source}: {key}: {problem}{_at(source, key, prefix)}")
    for group, entries in data.items():
        for name, entry in entries.items():
            low, high = entry["range"]
            problem = None
            if low > high:
                problem = f"{group}.{name}.range: low {low} exceeds high {high}"
            elif not low <= entry["value"] <= high:
                problem = f"{group}.{name}: value {entry['value']} outside range [{low}, {high}]"
            elif entry.get("distribution") == "loguniform" and low <= 0:
                problem = f"{group}.{name}.range: loguniform needs low > 0"
            if problem:
                # The line is looked up only for the error: composing the file costs time.
                raise ConfigError(f"{source}: {problem}{_at(source, f'{group}.{name}', prefix)}")


def apply_scenario(base: dict, overrides, source) -> dict:
    """Return a copy of ``base`` with a scenario's ``overrides`` applied.

    An override is either a bare number (replaces ``value``) or a mapping of entry fields
    (``value``, ``range``, ...). Unknown groups or keys are errors.
    """
    merged = copy.deepcopy(base)
    if overrides is None:
        return merged
    if not isinstance(overrides, dict):
        raise ConfigError(f"{source}: overrides: expected a mapping of groups")
    for group, entries in overrides.items():
        if group not in merged:
            at = _at(source, f"overrides.{group}")
            raise ConfigError(f"{source}: overrides.{group}: unknown group{at}")
        if not isinstance(entries, dict):
            raise ConfigError(f"{source}: overrides.{group}: expected a mapping of keys")
        for name, change in entries.items():
            if name not in merged[group]:
                at = _at(source, f"overrides.{group}.{name}")
                raise ConfigError(f"{source}: overrides.{group}.{name}: unknown key{at}")
            if isinstance(change, dict):
                merged[group][name].update(change)
            else:
                merged[group][name]["value"] = change
    return merged


@dataclass(frozen=True)
class Assumptions:
    """Validated assumptions: the nested mapping plus flat views keyed ``group.key``."""

    tree: dict
    sources: tuple[str, ...]

    @property
    def values(self) -> dict[str, float]:
        return {f"{g}.{k}": e["value"] for g, es in self.tree.items() for k, e in es.items()}

    @property
    def ranges(self) -> dict[str, tuple[float, float]]:
        return {f"{g}.{k}": tuple(e["range"]) for g, es in self.tree.items() for k, e in es.items()}

    @property
    def distributions(self) -> dict[str, str]:
        return {
            f"{g}.{k}": e.get("distribution", "uniform")
            for g, es in self.tree.items()
            for k, e in es.items()
        }

    @property
    def meanings(self) -> dict[str, str]:
        return {f"{g}.{k}": e["meaning"] for g, es in self.tree.items() for k, e in es.items()}

    def entry(self, dotted: str) -> dict:
        group, name = dotted.split(".", 1)
        return self.tree[group][name]


SCENARIO_KEYS = {"description", "overrides"}


def load_assumptions(path=DEFAULT_ASSUMPTIONS, scenario=None) -> Assumptions:
    """Read and validate ``path``; apply and validate the optional ``scenario`` file."""
    base = read_yaml(path)
    validate(base, path)
    if scenario is None:
        return Assumptions(tree=base, sources=(str(path),))
    return _with_scenario(base, path, scenario)


def overrides(default: dict[str, float], values: dict[str, float]) -> dict[str, list]:
    """What a scenario changes: ``{group.key: [default value, scenario value]}`` for every
    value that differs from the default's (a scenario may restate a default)."""
    return {k: [default[k], v] for k, v in values.items() if v != default[k]}


def load_scenarios(path, scenarios: dict) -> dict[str, Assumptions]:
    """``{"default": ..., name: ...}``: the assumptions file, read and checked once, and
    each scenario file of ``scenarios`` (``name -> path``) applied to it and checked."""
    base = read_yaml(path)
    validate(base, path)
    loaded = {"default": Assumptions(tree=base, sources=(str(path),))}
    for name, scenario in scenarios.items():
        loaded[name] = _with_scenario(base, path, scenario)
    return loaded


def _with_scenario(base: dict, path, scenario) -> Assumptions:
    spec = read_yaml(scenario)
    if spec is None:
        raise ConfigError(f"{scenario}: file is empty")
    if not isinstance(spec, dict):
        raise ConfigError(f"{scenario}: expected a mapping with description and overrides")
    unknown = sorted(set(spec) - SCENARIO_KEYS)
    if unknown:
        raise ConfigError(
            f"{scenario}: {unknown[0]}: unknown key (allowed: {', '.join(sorted(SCENARIO_KEYS))})"
        )
    if not isinstance(spec.get("description"), str) or not spec["description"].strip():
        raise ConfigError(f"{scenario}: description: missing (say why the scenario exists)")
    tree = apply_scenario(base, spec.get("overrides"), scenario)
    validate(tree, scenario, prefix=("overrides",))
    return Assumptions(tree=tree, sources=(str(path), str(scenario)))


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or len(args) > 2:
        print(
            "usage: python -m inference_scaling.pipeline.config ASSUMPTIONS [SCENARIO]",
            file=sys.stderr,
        )
        return 2
    try:
        load_assumptions(args[0], args[1] if len(args) > 1 else None)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())


UNCERTAINTY_SCHEMA = PROJECT_ROOT / "workflow" / "schemas" / "uncertainty.schema.yaml"


def load_uncertainty(path, assumptions: Assumptions | None = None) -> dict:
    """Read and check the Monte Carlo settings against workflow/schemas/uncertainty.schema.yaml:
    positive integers, draws divisible by blocks, a power-of-2 Sobol sample; with
    ``assumptions``, every assumption key named must exist."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of Monte Carlo settings")
    if "shards" in data:
        raise ConfigError(f"{path}: shards: moved to config/config.yaml (mc_shards)")
    schema = read_yaml(UNCERTAINTY_SCHEMA)
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        key, problem = _describe(best)
        if best.schema.get("type") == "integer" and best.validator in {"type", "minimum"}:
            problem = f"expected a positive integer, got {best.instance!r}"
        raise ConfigError(f"{path}: {key}: {problem}")
    if data["draws"] % data["blocks"]:
        raise ConfigError(
            f"{path}: draws: {data['draws']} is not a multiple of blocks ({data['blocks']})"
        )
    n = data["sobol"]["base_samples"]
    if n & (n - 1):
        raise ConfigError(f"{path}: sobol.base_samples: {n} is not a power of 2")
    if assumptions is not None:
        shares = data["lifetime_shares"]
        named = [
            ("lifetime_shares.post_training", shares["post_training"]),
            *(("lifetime_shares.deployment", k) for k in shares["deployment"]),
            *((f"growth_grid_step.{k}", k) for k in data["growth_grid_step"]),
        ]
        for where, key in named:
            if key not in assumptions.values:
                raise ConfigError(f"{path}: {where}: unknown assumption '{key}'")
    return data
