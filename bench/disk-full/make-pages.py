#!/usr/bin/env python3
"""Writes N distinct news pages (HTML, about 12 KB of Chinese text each) into DIR, for the disk-full drill."""
import random
import sys

PLACES = ["青溪", "望海", "西坪", "东岭", "南湖", "北川", "临江", "白沙", "云台", "石门"]
THINGS = ["观鸟节", "稻田收割", "夜市开放", "地铁试运行", "图书馆新馆", "马拉松", "菜市场改造", "老街修缮", "社区食堂", "公交新线"]
SENTENCES = [
    "{p}{t}今天吸引了大批市民前来，现场秩序井然，工作人员介绍了第{n}期的安排。",
    "据{p}有关部门介绍，{t}项目自启动以来已累计投入{n}万元，预计年底全面完成。",
    "不少居民表示，{t}让{p}的生活更加方便，希望今后能有更多类似的举措。",
    "记者在{p}现场看到，{t}的各项准备工作已经就绪，志愿者在路口引导来往的行人。",
    "专家认为，{p}推进{t}的经验值得借鉴，关键在于听取群众意见、循序渐进。",
]


def page(i, rnd):
    p, t = rnd.choice(PLACES), rnd.choice(THINGS)
    title = f"{p}{t}第{i}期：{rnd.choice(['进展顺利', '市民点赞', '再添新举措', '迎来客流高峰'])}"
    paras = []
    for _ in range(24):
        paras.append("".join(rnd.choice(SENTENCES).format(p=p, t=t, n=rnd.randint(1, 99999)) for _ in range(4)))
    body = "\n".join(f"<p>{x}</p>" for x in paras)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><article><h1>{title}</h1><div class="info">2026-11-{1 + i % 28:02d} 09:{i % 60:02d} 来源：汇闻测试</div>
{body}
</article></body></html>
"""


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    for i in range(1, n + 1):
        with open(f"{out}/page-{i:05d}.html", "w", encoding="utf-8") as f:
            f.write(page(i, rnd))


if __name__ == "__main__":
    main()
