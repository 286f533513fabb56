import re,sys
NUM=r'\d[\d,]*(?:\.\d+)?'
MULT=r'(?:\s?(?:m|bn|million|billion|mil|M|k)\b)?'
PAT=re.compile(
  r'(?:US\$|C\$|\$|£|€|EUR\s?|USD\s?|GBP\s?)\s?'+NUM+r'(?:\s?(?:m|bn|million|billion|M|k)\b|million|m\b|bn\b)?'
  r'|'+NUM+r'\s?(?:million|billion|m|bn|M)?\s?(?:euros?|pounds?|dollars?|Swiss francs|francs|M€|€)\b'
  r'|'+NUM+r'\s?(?:million|billion)\s(?:euros|pounds|dollars|Swiss francs)'
)
def cands(text):
    out=[]
    for m in PAT.finditer(text):
        out.append((m.start(),m.group()))
    return out
if __name__=='__main__':
    for a in sys.argv[1:]:
        t=open(f'/work/shared/data/stories-dev/articles/{a}.txt').read()
        print('=====',a,len(t))
        c=cands(t)
        # print text with markers
        s='';last=0
        for i,(o,g) in enumerate(c):
            s+=t[last:o]+f'[[{i}:{o}]]'; last=o
        s+=t[last:]
        print(s)
        for i,(o,g) in enumerate(c): print(i,o,repr(g))
