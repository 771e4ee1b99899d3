"""Connected components of leftover readings, recomputed only where new readings can change them."""
from __future__ import annotations

from collections.abc import Callable, Mapping

Key = tuple[str, int]  # (document id, position of the reading among the document's readings)


def components(seeds: set[Key], label: dict[Key, Key], members: dict[Key, list[Key]],
               neighbours: Callable[[Key], set[Key]], *, placed: Mapping[Key, object]) -> set[Key]:
    """Recomputes the leftover components (loose or quiet) that ``seeds`` belong or belonged to.

    A component none of whose members is a seed is unchanged and still connected: reaching one of its
    members reaches all of them. ``label`` gives each reading its component, ``members`` each
    component's readings; readings ``placed`` in an event belong to none."""
    work = set(seeds)
    for key in seeds:
        if key in label:
            work.update(members.get(label[key], ()))
    for key in work:
        old = label.pop(key, None)
        if old is not None:
            members.pop(old, None)
    done: set[Key] = set()
    for start in sorted(work):
        if start in done or placed.get(start) is not None:
            continue
        component, stack = {start}, [start]
        while stack:
            for other in neighbours(stack.pop()):
                if other not in component:
                    component.add(other)
                    stack.append(other)
        for other in component:
            old = label.pop(other, None)
            if old is not None:
                members.pop(old, None)
        ident = min(component)
        members[ident] = sorted(component)
        for other in component:
            label[other] = ident
        done |= component
    return work | done
