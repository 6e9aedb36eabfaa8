%matplotlib inline
!pip install pandas
%time x = 1
df?
#%%
%%bash
echo hi
