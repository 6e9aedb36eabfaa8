class A(B, metaclass=M):
    @property
    def x(self) -> int:
        async with a as (b, c):
            yield from d
        match p:
            case [1, *rest] | {"k": v} if v:
                pass
            case Point(x=0):
                return lambda q, /: q ** 2
#%%
try:
    import os
except (Ir) as e:
    pass
finally:
    del e
while (n := n - 1) > 0: continue
from . import z as zz
from m import *
f"{a!r:>{w}} {b=}"
x: list[int] = []
x[1:2, ...] @= y
