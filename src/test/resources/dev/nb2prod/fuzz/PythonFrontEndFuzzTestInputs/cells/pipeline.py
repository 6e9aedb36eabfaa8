import pandas as pd
import numpy as np
df = pd.read_csv("data/sales.csv")
#%%
df["total"] = df.price * df.qty
total = df.total.sum()
print(total)
#%%
def f(x, *args, y=1, **kw):
    global total
    return [i for i in range(x) if i % 2]
