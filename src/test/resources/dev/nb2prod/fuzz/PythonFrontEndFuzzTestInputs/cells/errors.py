def f(:
    return
#%%
x = (((((1
#%%
print("unterminated
