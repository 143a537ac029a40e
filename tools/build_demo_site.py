#!/usr/bin/env python3
"""Write the bundled demo e-paper site (渝中报, classic Founder layout) under flows/demo_site/.

Usage: python tools/build_demo_site.py

The site is synthetic except page 2 of 2025-12-18, whose zones hold the text of a real printed
page (the seed file) line for line. Output is deterministic: the folder is deleted and rewritten.
The 2025-12-18 edition declares gb2312 but is encoded in GBK, as many real sites are; the
2025-12-19 edition is UTF-8.
"""
# ruff: noqa: E501  -- article text is kept one printed paragraph per source line, as the paper prints it

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = REPO_ROOT / "flows" / "demo_site"
SEED_FILE = REPO_ROOT.parent / "shared" / "seed" / "000_e4feb845366e9c79.txt"

PAPER_CODE = "yzb"
PAPER_NAME = "渝中报"
PARAGRAPH_INDENT = "\u3000\u3000"  # two ideographic spaces open every printed paragraph
PAGE_IMAGE_WIDTH = 600  # px; the image-map coords are drawn on a page image of this size
PAGE_IMAGE_HEIGHT = 860
THUMB_SCALE = 10  # the placeholder page image is stored at 1/10 size and stretched by <img>
NODE_PAGE_MIN_BYTES = 30_000  # a real Founder node page carries 30-60 KB of boilerplate and lists
NODE_PAGE_MAX_BYTES = 60_000
WEEKDAYS = "一二三四五六日"
OFF_HOST_LINKS = (  # plain footer hrefs a crawler must not follow
    ("http://www.miit.gov.cn/", "渝ICP备12345678号-1"),
    ("http://www.12377.cn/", "违法和不良信息举报"),
)


@dataclass(frozen=True)
class Article:
    """One zone an operator drew over a printed page; it becomes one content_<id>.htm."""

    content_id: int  # six digits, unique across the site
    title: str  # <h1>; "" for an untitled zone
    coords: str  # polygon on the page image, "x1,y1,x2,y2,…"
    paragraphs: tuple[str, ...]  # as printed, without the indentation
    kicker: str = ""  # <h3>
    subtitle: str = ""  # <h2>


@dataclass(frozen=True)
class Page:
    """One printed page: its articles in reading order and the order the image map lists them."""

    number: int
    name: str
    articles: tuple[Article, ...]
    map_order: tuple[int, ...]  # content ids, as the operator drew the zones


@dataclass(frozen=True)
class Edition:
    """One day's paper and the encoding its files use."""

    date: dt.date
    meta_charset: str  # what the <meta> declares
    codec: str  # what the bytes really are
    pages: tuple[Page, ...]


# --------------------------------------------------------------------------------------------
# Content: 2025-12-18 (declared gb2312, encoded gbk)
# --------------------------------------------------------------------------------------------

PAGE_20251218_01 = Page(
    number=1,
    name="要闻",
    articles=(
        Article(  # head (a): continues on page 2 as zone D
            content_id=418601,
            title="渝中区青年联合会第八届委员会第一次全体会议召开",
            coords="10,340,300,340,300,560,10,560",
            paragraphs=(
                "本报讯（记者 王 静）12月16日，渝中区青年联合会第八届委员会第一次全体会议召开。市青联副主席贺秀山，区领导邛晓宇出席会议并讲话。",
                "会议审议通过了渝中区青年联合会第七届委员会工作报告和《渝中区青年联合会章程（修正案）》，协商产生了渝中区青年联合会第八届委员会委员。来自经济、科技、文化、卫生、法律、新兴领域等界别的青联委员参加会议。",
                "会议指出，过去五年，渝中区青联始终坚持以习近平新时代中国特色社会主义思想为指导，紧扣全区中心工作，团结带领各界青年在推动高质量发展、创造高品质生活中勇挑重担，(下转2版)",
            ),
        ),
        Article(  # head (b): continues on page 2 as zone E
            content_id=418602,
            kicker="“十四五”渝中高质量发展巡礼",
            title="立足极核担当聚势 夯实区域发展基石 渝中锻造现代服务业高质量发展“强引擎”",
            coords="10,70,590,70,590,330,10,330",
            paragraphs=(
                "五年来，渝中坚持把现代服务业作为高质量发展的主攻方向，立足城市核心区功能定位，在有限的空间里做优增量、盘活存量，金融、商贸、专业服务、软件信息等产业集聚成势，服务业增加值占地区生产总值比重稳定在九成以上，成为全市现代服务业发展的“压舱石”和“风向标”。",
                "金融“主引擎”强劲",
                "西部金融中心核心承载区加速成型",
                "走进解放碑中央商务区，银行、证券、保险、基金等各类金融机构的总部和区域总部林立，资金、人才、信息等金融要素在这里高度集聚、高效流动。“十四五”以来，渝中紧扣西部金融中心建设，持续完善金融机构、金融市场、金融服务三大体系，引导金融资源更多流向科技创新、绿色发展和普惠小微等重点领域。",
                "如今，渝中持牌金融机构数量居全市前列，金融业始终是全区第一支柱产业，金融业增加值占GDP比重超过三成。（下转第二版）",
            ),
        ),
        Article(  # head (c): continues on page 2 as zones E (its first lines) and F
            content_id=418603,
            title="全市唯一 渝中区建设“文明有范儿”示范治理空间入选全国城市文明建设优秀案例",
            coords="310,340,590,340,590,560,310,560",
            paragraphs=(
                "本报讯（记者 陈 悦 通讯员 张 敏）近日，全国城市文明建设优秀案例名单公布，渝中区“文明有范儿”示范治理空间建设项目成功入选，成为全市唯一入选案例。",
                "近年来，渝中区聚焦城市核心区人口密度高、老旧社区多、流动人口集中等特点，以小切口推动大治理，把文明创建的触角延伸到街巷院坝、楼宇商圈和社区公共空间，推动文明实践从“有形覆盖”向“有效覆盖”转变。",
                "“文明有范儿”示范治理空间依托社区闲置用房、街角空地和楼栋公共区域改造而成，集文明宣传、议事协商、志愿服务、邻里互助等功能于一体，探索出一条以空间治理带动文明提升的“新”路。这条探“新”路以多方共治为基础，既(下转2版)",
            ),
        ),
        Article(
            content_id=418604,
            title="十八梯“山城冬趣”文旅活动启幕",
            subtitle="持续至明年元宵节，推出非遗展演、街巷市集等30余项活动",
            coords="10,570,400,570,400,850,10,850",
            paragraphs=(
                "本报讯（记者 赵 丹）12月17日，“山城冬趣”十八梯冬季文旅活动在十八梯传统风貌区启幕。活动将持续至2026年元宵节，其间推出非遗展演、街巷市集、灯会游园等30余项特色活动，让市民游客在老街巷里感受山城冬日的烟火气。",
                "当天，川剧变脸、蜀绣技艺展示、糖画制作等非遗项目轮番登场，吸引不少市民游客驻足观看。“带孩子来看看老手艺，比在家里玩手机有意思多了。”家住大坪的市民刘女士说。",
                "据介绍，今年的活动突出“沉浸式”和“可参与”，在较场口至厚慈街沿线设置了12个互动体验点位，并联合周边商家推出消费满减、文创打卡等惠民举措。活动期间，十八梯传统风貌区还将延长夜间开放时间，完善交通疏导和安全保障措施。",
                "▲ 12月17日，市民游客在十八梯传统风貌区观看非遗展演。 本报记者 赵 丹 摄",
            ),
        ),
        Article(
            content_id=418605,
            title="渝中区启动“暖冬行动”走访慰问困难群众",
            coords="410,570,590,570,590,850,410,850",
            paragraphs=(
                "本报讯（记者 李佳佳）近日，渝中区启动2025年“暖冬行动”，组织各街道、社区和相关部门走访慰问辖区低保对象、特困人员、困难退役军人和困难职工等群体，送上米面油、棉被等慰问物资和慰问金。",
                "此次行动将持续至2026年春节前，全区计划走访慰问困难群众3000余户。区民政局相关负责人表示，将以此次行动为契机，进一步完善分层分类社会救助体系，及时将符合条件的困难群众纳入保障范围，确保困难群众温暖过冬。",
            ),
        ),
    ),
    map_order=(418602, 418601, 418603, 418604, 418605),
)

PAGE_20251218_02 = Page(  # the seed page: each non-empty printed line is one paragraph, verbatim
    number=2,
    name="综合",
    articles=(
        Article(  # zone A
            content_id=418606,
            kicker="学习贯彻区委十三届八次全会精神",
            title="锐意进取 实干争先 久久为功 把全会蓝图转化为渝中高质量发展的生动实践",
            subtitle="我区各级各部门传达学习贯彻区委十三届八次全会精神②",
            coords="10,60,400,60,400,520,10,520",
            paragraphs=(
                "12月16日，区委十三届八次全会举行。连日来，我区各级各部门深入传达学习贯彻区委十三届八次全会精神，大家表示，将聚焦做实“两大定位”，发挥“三个作用”，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，锐意进取、实干争先、久久为功，把全会描绘的宏伟蓝图转化为渝中高质量发展的生动实践，扎实推进“十五五”时期高质量发展。",
                "区民政局",
                "区民政局召开专题学习会，传达学习贯彻区委十三届八次全会精神。区民政局将深入贯彻落实全会精神，紧扣“民生为大”，聚焦“投资于人”，在服务好“一老一困一青”等重点群体，发展好“一区一街”等示范平台上下实功、求实效。聚焦“一老”提品质，整合升级养老机构设施资源，支持康养、旅居等“飞地养老”；兜底“一困”增温度，大力发展“物质+情绪”“服务+赋能”救助服务，助力促进困难群体自我发展；满足“一青”添活力，争创全国首个、全市唯一CBD涉外婚姻登记点，擦亮“云端”等集体婚礼名片，吸引全国青年到渝中婚恋、登记、居住。建强“全市唯一市区社会组织联建示范区、唯一开放式慈善街区”，激活放大组织效能和平台价值，引导更多优质资源汇聚渝中、服务渝中、发展渝中。",
                "区人力社保局",
                "区人力社保局召开专题学习会，传达学习贯彻区委十三届八次全会精神。区人力社保局将坚持以党建为统领，坚决扛起保障和改善民生的人力社保担当。着眼高质量充分就业，加强就业与产业协同，强化",
                "岗位信息的精准匹配，完善创业支持体系，以高校毕业生和就业困难群体为工作重点，全力促就业稳就业。着眼留才引才，扎实推进高校毕业生等青年留渝来区就业创业行动计划，大力推进人力资源服务业可持续发展，助力构建“4311”现代化产业体系。着力推进社保领域改革，落实基本养老保险制度，推进社保扩面提质，完善基金安全监管制度机制，守牢基金安全防线。着力构建和谐劳动关系，持续擦亮“渝中无欠薪”品牌，切实维护各行各业劳动者的合法权益。",
                "区住房城市建设委",
                "区住房城市建设委召开专题学习会，传达学习贯彻区委十三届八次全会精神。区住房城市建设委将深刻把握全会的核心要义和精神实质，紧紧围绕全会对城市建设和治理提出的新要求，在促进城市品质焕新升级，全力建设宜居宜业美好城市上展现新作为；积极推动现代建筑业向工业化、数字化、绿色化转型升级，为构建现代化产业体系提供坚实支撑；把绿色低碳理念贯穿于城市建设全过程，着力建设美丽渝中；始终坚持以人民为中心的发展思想，聚焦民生短板，持续改善人居环境品质，助力构建“15分钟高品质生活服务圈”，让发展成果惠及更多居民。",
                "石油路街道",
                "石油路街道召开专题学习会，传达学习贯彻区委十三届八次全会精神，研究部",
                "署贯彻落实举措。石油路街道将围绕创新引领能级跃升，全力服务全区战略布局，着力建强政务功能区，提质升级大坪潮流商圈，大力发展数字经济，助推环重医大健康产业园建设，培育新增长动能。围绕智慧高效城市治理，深化“大综合一体化”行政执法改革，打造“空天地一体化”安全巡检体系，建强最小应急作战单元，切实提升基层治理效能与城市安全韧性。围绕人民美好生活新期待，持续迭代“15分钟高品质生活服务圈”，打造儿童友好街区，升级彭家花园“森邻·彭派Live”等社区服务空间，推动“校家社”协同育人，以实实在在的工作成效增进民生福祉。",
                "区精神卫生中心",
                "区精神卫生中心召开专题学习会，传达学习贯彻区委十三届八次全会精神。区精神卫生中心将以党建统领落实会部署，把全会精神融入党员学习教育，强化“医心向党”的政治引领，将“坚持人民至上”原则融入诊疗服务各环节，以全面从严治党保障医疗质量，打造让群众放心的医护队伍。聚焦全会“提升富民惠民便民水平”要求，升级服务举措。针对渝中人口发展新阶段特征，拓展老年精神障碍照护、青少年心理干预等特色服务，让心理服务触手可及，奋力把全会精神转化为实干行动，以专业服务守护群众心理健康，为渝中打造民生示范样板贡献精卫力量。",
                "首席记者 李 一 刘 侃 记者 姚延洋 李佳佳 胡 榕 晏艳辉",
            ),
        ),
        Article(  # zone B
            content_id=418607,
            title="全市首个数字经济 与现代服务产业学院在渝中成立",
            coords="410,60,590,60,590,300,410,300",
            paragraphs=(
                "本报讯（记者 徐 潇）日前，重庆市首个数字经济与现代服务产业学院成立仪式暨电商人才培养研讨会在重庆数字商务产业园举行，为加快构建适应数字经济发展的产教融合新生态注入人才“活水”。市商务委副主任李巡府，区委常委、常务副区长邓光怀参加。",
                "当天，数字经济与现代服务产业学院正式揭牌并落户渝中。市电子商务协会、重庆工程学院与兴红得聪、奥特乐等企业代表进行了首批共建单位签约。",
                "据介绍，数字经济与现代服务产业学院将紧紧围绕服务数字重庆建设和渝中“4311”现代化产业体系，坚持“协同育人、产教融合、创新驱动、服务社会”理念，通过“政府联动搭台服务、行业协会牵头整合、高校深度产教融合、企业紧密校企合作”政企校企四方协同育人模式运行，力争通过三至五年建设，打造成为“专业对接产业前沿、教学链接真实场景、科研服务企业需求、成果反哺区域发展”的现代产业学院示范平台。同时，学院将持续整合各方资源，深化课程内容与产业技术同步、教学场景与实战项目对接，为重庆数字经济高质量发展提供坚实人才支撑，助力产业创新与城市升级。",
                "重庆数字经济人才培养研讨会上，得物App代表解读了《得物电商平台运营与职业发展实训课程》校企合作项目；重庆商务职业学院老师分享与电商行业合作的人才培养项目成果；遥望科技、巴渝上品、香纳汇食品、智谦通科技与各大高校围绕电商人才培养等话题展开交流；市商务委相关负责人围绕电商人才培养，明确了政府、企业与合作的方向，聚智共推重庆电商专业与人才高质量发展。",
                "此次活动由市商务委、区政府指导，市电子商务协会与重庆工程学院联合主办，邀请了重庆近二十所高校及数十家企业代表参加。",
            ),
        ),
        Article(  # zone C
            content_id=418608,
            title="渝中区归国华侨联合会九届八次全委(扩大)会暨侨联界别政协委员述职大会举行",
            coords="410,310,590,310,590,520,410,520",
            paragraphs=(
                "本报讯（记者 黄清娟）日前，渝中区归国华侨联合会九届八次全委(扩大)会暨侨联界别政协委员述职大会举行。区委常委、统战部部长李兴建，区政协副主席冉涛出席。",
                "会议深入学习贯彻党的二十届四中全会精神，传达学习贯彻中国侨联十一届四次全委会、市委六届八次全会和区委十三届八次全会精神；总结了区侨联2025年工作，并对2026年工作进行了部署。会议组织区侨联界别政协委员述职。罗艳、陈玮等10名委员围绕过去两年履职情况述职，并提出了未来的改进方向和履职计划。",
                "大会对10名委员的述职情况进行了民主测评，测评结果均为满意。李兴建充分肯定了侨联工作。他强调，当前正处在“十五五”规划开局的关键节点，渝中作为现代化人民城市建设的核心区，正进入积新成势、迭代跃升的关键时期。他要求，区侨联要强化思想政治引领，在凝心铸魂上彰显新高度，凝聚起海内外侨胞同心筑梦的强大合力。要聚焦侨胞需求，在侨服务上实现新提升，让侨联真正成为侨胞信赖的“温暖之家”。要服务中心大局，在赋能发展上作出新贡献，形成“引进来”与“走出去”双向发力的开放格局。要强化自身建设，在固本强基上展现新面貌，以过硬本领为侨联事业发展提供坚强保障。区委统战部也将一如既往地支持侨联各项工作，为大家履职尽责搭建平台、创造条件，共同推动侨联事业再上新台阶。",
                "冉涛指出，侨界人才荟萃、联系广泛，是政协工作中一支不可或缺的的重要力量，希望各位委员进一步强化思想政治引领，紧密围绕全区中心工作，发挥侨界优势，在参政议政、民主监督、服务开放发展等方面发挥更大作用。",
            ),
        ),
        Article(  # zone D
            content_id=418609,
            title="渝中区青年联合会 第八届委员会第一次全体会议召开",
            coords="10,530,250,530,250,850,10,850",
            paragraphs=(
                "(上接1版)不断汇聚促进发展“正能量”，努力拓展青年最大“同心圆”，持续提升渝中青联“战斗力”，为辖区经济社会发展作出了积极贡献。未来五年，渝中区青联将实施“青春铸魂”“青春聚力”“青春建功”“青春赋能”“青春携手”五大行动，在现代化新重庆建设中贡献渝中青年力量。",
                "贺秀山指出，渝中区青联各项工作有载体、有抓手、有实效，成绩值得充分肯定。新一届渝中区青联要精准把握青联组织性质定位，筑牢青年工作根基。要聚焦青联主责主业实践方向，永远跟党走、奋斗建功业，传达党的政策、倾听青年声音、为广大青年代言，努力营造青年成才的良好环境，不断带动更多青年成才，凝聚青年奋进力量。要明确青联委员履职标准要求，旗帜鲜明讲政治，全心全意谋发展，围绕中心作贡献，守纪自律作表率，激发委员履职活力。要深化青联组织功能作用发挥，扩大组织覆盖，加强活动策划，深化界别建设，全面从严治会，服务青年成长发展。",
                "邛晓宇指出，渝中区青联要引领全区广大青年自觉用习近平新时代中国特色社会主义思想凝心铸魂，组织青年宣传贯彻党的二十届四中全会精神，一体领会落实市委六届八次全会部署、区委十三届八次全会要求。要团结引领广大青年乘势而上、向新而为，锚定“四大定位”、发挥“八大优势”、加快打造“六个新高地”，巩固拓展“三个空间”，推进“4311”现代化产业体系升级。要不断加强组织建设，切实发挥好党联系青年的桥梁纽带作用，聚焦新兴领域、新就业群体，不断提高服务青年的能力水平，为渝中发展聚智，为广大青年代言。要自觉推进从严治会，不断增强政治性、先进性、群众性，提升组织力、服务力，把青年组织建设得更加充满活力、更加坚强有力。",
                "会议还选举产生了渝中区青年联合会第八届委员会主席、副主席、常务委员会委员。",
            ),
        ),
        Article(  # zone E
            content_id=418610,
            title="",
            coords="260,530,590,530,590,700,430,700,430,850,260,850",
            paragraphs=(
                "(上接1版)",
                "在解放碑至朝天门沿线，一条“重庆绿色金融大道”正焕发勃勃生机。这里集聚了百余家各类金融机构，绿色贷款余额五年激增133%，达1940亿元。从绿色债券到绿色保险，创新产品层出不穷，渝中正加速将生态“含绿量”转化为发展“含金量”。国民养老保险、友邦人寿等20余家总部型机构相继落户，更是为这片金融沃土增添了新的活力极核。",
                "一流金融业离不开一流的法治环境。全国首个跨省域管辖法院——成渝金融法院的成立，是渝中服务国家战略的里程碑。西部金融中央法务区的构建，形成了“司法审判+行业自律+专业服务”三位一体的金融法治生态，为金融市场的健康稳定提供了坚实保障。",
                "消费“新地标”崛起",
                "国际消费中心城市核心区绽放独特魅力",
                "从解放碑、朝天门的百年风华，到大坪、化龙桥商圈的强势崛起，“买全球”“卖全球”的国际消费图景在这里生动铺展。在空间格局上，渝中实现“双核驱动”向三大商圈协同的跨越式升级。解放碑—朝天门世界知名商圈人气火爆，跻身全国最火五大商圈；解放碑中央商务区正朝着GDP、社零“双千亿”目标冲刺。重庆印象城、龙湖重庆时代天街E馆等56.5万方商业新地标拔地而起，为年轻消费群体提供了潮流新去处。从鲁祖庙的市井烟火，到“云端之眼”的极致视野，70余个“江崖街",
                "(上接1版)协同推动硬件设施改造、文化氛围营造、管理机制建设，还注重治理工作的长期性和动态性，充分运用新技术新方法，以确保治理工作持续推进、治理效能不断提升。",
                "这条探“新”路以“三育”为关键支撑。“一育”一支由居民代表、法律工作者、专业社工、专家能手、党员代表、企业骨干等组成的“文明管家”自治队伍，通过“文明管家”管示范空间、管文明积分、管行为小事，确保示范治理空间良好运行，文明自治落地见效。“二育”一套示范治理空间管理制",
                "度，这套制度既能引导居民参与空间设计、建设、运营和活动策划，又能激发居民主体作用，推动示范治理空间管理的不断优化和拓展迭代。“三育”一批符合居民意愿的常态化文明实践活",
                "洞天”特色消费场景，让山城立体魔幻的商业魅力展现得淋漓尽致。渝中，已成为国内外品牌进军西部市场的首选地。“十四五”期间，渝中累计引进薈蕊之家全国旗舰店等523家首店品牌，连续4年位居全市第一。李宁“行天地 探河山”全国首展等241场首发活动在此上演的。国际知名品牌数量实现翻番，达到475个。在这里，消费者总能第一时间触摸到全球时尚的脉搏。",
                "近年来，锚定“国际消费中心城市核心区”这一建设目标，渝中不断拓展消费的国际化维度。中西部首个核心商圈保税展示交易中心——“陆海新通道国际消费中心”落户，让市民不出国门就能便捷购买全球好物。89家离境退税商店（约占全市45%）、全市首批“即买即退”集中退付点，为境外游客提供了极致便利的购物体验，离境退税销售额较“十三五”末实现百倍增长。国际友城美食集聚区、米其林餐厅的引入，更让渝中的“国际范”从购物延伸至美食、文化等多元体验。",
                "创新“策源地”涌动",
                "新质生产力的渝中实践",
                "面对高质量发展的时代命题，渝中深知，唯有创新才能赢得未来。在有限的物",
                "立足极核担当聚势 夯实区域发展基石 渝中锻造现代服务业高质量发展“强引擎”",
                "理空间里，一场以科技创新和产业创新为核心的“内生裂变”正在发生。",
                "虽没有连片的工业用地，但渝中拥有发展软件和信息服务业的绝佳场景和人才优势。深入实施“满天星”行动计划以来，渝中交出了一份硬核成绩单：软信企业数量、产业载体面积、从业人员数量在五年内基本实现“三个翻番”，产业增加值占GDP比重提升至5%。视联动力全国总部、海量数据等重大项目落地，形成了以“北斗星”“启明星”企业为引领，数千家“繁星”企业为支撑的蓬勃矩阵。重庆市软件产业园等9个市级现代生产性服务业集聚区拔节生长，中国工业软件大会等行业盛会永久落户……这一个个硕果，都为产业发展注入了强大动能。",
                "“科创新核”激活内生动力。眼下，渝中正加快建设科创中心特色功能区，取得阶段性成效：全社会研发经费投入五年增长150%，技术合同成交额更是激增32倍；“V2V 视联网协议”等关键技术取得突破，填补了国产底层网络协议空白；2024年全区规模以上科研服务业营业收入规模稳居全市第一……从实验室到生产线，创新的种子正在这片高密度的城区里开花结果。",
                "高质量发展的背后，必然离不开一流营商环境的强力托举。近年来，渝中创新构建“3+X+N”产业扶持政策矩阵，像阳光雨露般精准滴灌企业；迭代升级",
                "“黄金十二条”“科创十条”等政策，三年兑现扶持资金超1.8亿元；创新推出楼宇经济“标杆引领”计划，以“楼均论英雄”，培育出40栋亿元级税收楼宇，楼均产出和税收领跑西部；“易企办、安心营、无忧创”的营商环境品牌，让企业感受到了“雪中送炭”的温暖和“雨中打伞”的贴心。此外，全区市场主体突破12万户，每千人拥有市场主体数量居全市第一，这便是广大企业在渝中扎根发展、发展壮大的生动写照。",
                "记者手记",
                "站在“十四五”与“十五五”的交汇点回望，渝中现代服务业的高质量发展之路清晰而坚实。",
                "这是一条聚焦核心功能、做优做强主业的集约之路——在有限的土地上，将金融、消费、专业服务等优势发挥到极致；这是一条拥抱创新变革、推动迭代升级的进化之路——从传统商贸到数字商务，从楼宇经济到总部经济，产业形态不断向高价值环节攀升；这更是一条服务国家战略、彰显核心担当的开放之路——在成渝地区双城经济圈建设、西部陆海新通道建设等国家战略中不断凸显平台价值，贡献着不可替代的渝中力量。",
                "首席记者 刘 侃",
            ),
        ),
        Article(  # zone F
            content_id=418611,
            title="全市唯一 渝中区建设“文明有范儿”示范治理空间入选全国城市文明建设优秀案例",
            coords="440,710,590,710,590,850,440,850",
            paragraphs=(
                "度，这套制度既能引导居民参与空间设计、建设、运营和活动策划，又能激发居民主体作用，推动示范治理空间管理的不断优化和拓展迭代。“三育”一批符合居民意愿的常态化文明实践活",
                "据统计，渝中已建成示范治理空间16个，居民满意率达99%；构建责任体系，建设“形象有范儿”“行业有范儿”“少年有范儿”“网络有范儿”等4类空间场景，实行空间管理、实践活动、社风民风建设“三维联动”评估机制，实现“空间微",
                "改造+服务提能级”融合提升；征集并落地群众“金点子”138条，空间配备“文明管家”群众自治队伍16支，创新“365文明积分”制度；引导142家行业单位、社会组织参与，引入465家商超、诊所等作为“社区合伙人”，打造“小红伞”“十八梯灯笼步步高”等26个特色品牌，实现企业履责、居民得惠、政府增效“三方共赢”；构建“城市文明常态治理”综合场景，利用AI算法自动识别、预警10类不文明行为，累计推送、处置预警信息1.2万条，有效提升城市文明治理能力……一件件举",
                "措落实施地，不仅让城市文明可感可及，更让居民在文明建设中拥有了更多参与感和获得感，推动了文明建设与基层治理的深度融合。",
                "目前，新一批“文明有范儿”示范治理空间正处于建设过程中。接下来，渝中将有效深化“文明管家”工作机制，切实提升居民文明自治水平，让“文明有范儿”示范治理空间成为群众身边的文化阵地、教育课堂、治理高地，成为打通文明实践教育群众、服务群众的“最后一公里”。",
            ),
        ),
    ),
    map_order=(418606, 418607, 418608, 418611, 418609, 418610),
)

PAGE_20251218_03 = Page(
    number=3,
    name="社会",
    articles=(
        Article(
            content_id=418612,
            kicker="民生实事进行时",
            title="社区食堂开到家门口 “一餐热饭”暖了老人心",
            coords="10,60,590,60,590,300,10,300",
            paragraphs=(
                "本报讯（记者 徐 潇 实习生 刘思彤）中午11点半，七星岗街道金汤街社区食堂里已是热气腾腾。红烧豆腐、青椒肉丝、清炒莲白……十多个菜品整齐摆放在保温台上，前来就餐的老人排着队，有说有笑。",
                "“一荤一素一汤才12块钱，满了80岁还能再优惠，味道也合我们老年人的口味。”78岁的王大爷几乎每天都来这里吃午饭。",
                "今年以来，渝中区把社区食堂建设纳入民生实事项目，采取“政府引导、企业运营、社会参与”的方式，利用社区闲置用房新建和改造社区食堂，同步推出老年人助餐补贴和送餐上门服务。目前，全区已建成社区食堂和老年助餐点60余个，基本实现街道全覆盖，日均服务老年人超过5000人次。",
                "区民政局相关负责人介绍，下一步将结合老年人就餐需求，持续优化菜品搭配和服务时段，推动助餐服务向“好吃、实惠、便利”提档升级。",
            ),
        ),
        Article(
            content_id=418613,
            title="老旧小区消防安全隐患排查整治全面铺开",
            coords="10,310,300,310,300,600,10,600",
            paragraphs=(
                "本报讯（记者 黄清娟 通讯员 谭晓梅）入冬以来，用火用电用气增多，火灾风险随之上升。连日来，渝中区组织消防、住建、街道等力量，对辖区老旧小区开展消防安全隐患排查整治。",
                "在两路口街道一处老旧小区，检查人员逐栋逐层查看楼道堆物、电动自行车停放充电、消防设施完好等情况，对发现的问题当场指出、督促整改。“楼道里堆放杂物既影响通行，又容易引发火灾，一定要及时清理。”检查人员向居民耐心讲解。",
                "截至目前，全区已排查老旧小区400余个，清理楼道堆物1200余处，整改各类隐患2300余处。消防部门提醒，广大居民要规范使用电器，切勿将电动自行车及其电池带入楼道和室内充电。",
            ),
        ),
        Article(
            content_id=418614,
            title="湖广会馆迎来冬季研学热",
            coords="310,310,590,310,590,600,310,600",
            paragraphs=(
                "冬日暖阳下，湖广会馆古色古香的院落里不时传来孩子们的笑声。近段时间，不少学校和家庭选择走进湖广会馆，通过听讲解、看展陈、做手工等方式，了解“湖广填四川”移民历史和巴渝传统文化。",
                "“原来这些戏台上的木雕都有故事。”在禹王宫戏楼前，来自区内一所小学的学生小雨一边听讲解员介绍，一边认真做着笔记。",
                "湖广会馆相关负责人介绍，今年以来，会馆围绕移民文化、会馆建筑、传统戏曲等主题，开发了10余条研学线路，并开设剪纸、拓印等体验课程，截至目前已接待研学团队300余批次。",
                "本报记者 罗 晶 文/图",
            ),
        ),
        Article(  # 简讯 column: one untitled zone holding several briefs
            content_id=418615,
            title="",
            coords="10,610,590,610,590,850,10,850",
            paragraphs=(
                "本报讯（记者 李 敏）近日，大溪沟街道联合辖区医疗机构开展“健康进社区”义诊活动，为居民免费提供测血压、测血糖、健康咨询等服务，惠及居民200余人次。",
                "本报讯（通讯员 周 杰）日前，解放碑街道举办“法治进楼宇”专题讲座，邀请律师围绕劳动合同、知识产权保护等内容为楼宇企业员工答疑解惑，80余名企业员工参加。",
                "本报讯（记者 黄清娟）12月15日，上清寺街道组织辖区志愿者开展“清洁家园迎新年”志愿服务活动，对背街小巷、楼栋院坝进行集中清扫，清理卫生死角30余处。",
                "本报讯（实习生 刘思彤）近日，区图书馆推出“冬日阅读季”系列活动，设置经典诵读、亲子共读、作家分享会等板块，活动将持续至明年1月底。",
            ),
        ),
    ),
    map_order=(418612, 418614, 418613, 418615),
)

PAGE_20251218_04 = Page(
    number=4,
    name="副刊",
    articles=(
        Article(
            content_id=418616,
            kicker="渝中记忆",
            title="老街巷里的冬阳",
            coords="10,60,380,60,380,850,10,850",
            paragraphs=(
                "□ 周 岚",
                "山城的冬天，太阳是稀罕物。一连阴上好些日子，某天早上推开窗，忽然看见对面楼顶亮堂堂的，整条街的人便都像约好了似的，搬着竹椅往外走。",
                "我小时候住在七星岗附近的一条老巷子里。巷子窄，两边的老房子挨得很近，阳光只能从屋檐的缝隙里漏下来，落在青石板上，一块一块的，像谁随手撒下的碎金子。",
                "出太阳的日子，巷口的婆婆们最先占好位置——她们一边织毛衣，一边摆龙门阵，谁家孙子考了双百，谁家媳妇灌的香肠最香，说着说着就笑起来。我们这些小孩则在石梯坎上跳房子、滚铁环，跑出一身汗，脸蛋红扑扑的。",
                "后来老巷子改造了，大家陆续搬进了新房子。前些天我回去看，石梯坎还在，黄葛树也还在，树下新添了几张长椅。几个老人坐在那里晒太阳，手边放着保温杯，聊的还是家长里短。",
                "阳光照在他们身上，也照在我心里。原来有些温暖，一直都在老地方等着。",
            ),
        ),
        Article(
            content_id=418617,
            title="江边晨跑",
            coords="390,60,590,60,590,450,390,450",
            paragraphs=(
                "□ 李 想",
                "雾还没有散开",
                "长江先醒了",
                "它把汽笛声一声一声",
                "递给岸边的梯坎",
                "我沿着滨江路奔跑",
                "呼出的白气",
                "追不上一只掠过水面的鸟",
                "朝天门的灯还亮着",
                "像一夜没睡的守望者",
                "等第一缕阳光",
                "把这座城市轻轻叫醒",
                "江风吹过来的时候",
                "带着一点湿润的凉意",
                "也带着早点铺里",
                "小面和豆浆的香气",
                "我放慢脚步",
                "看一艘轮渡缓缓靠岸",
                "跑过千厮门大桥时",
                "我忽然想起",
                "这座城的每一天",
                "都是从爬坡上坎开始的",
            ),
        ),
        Article(
            content_id=418618,
            title="“书香渝中”读书分享会走进社区",
            coords="390,460,590,460,590,850,390,850",
            paragraphs=(
                "本报讯（通讯员 陈 露）12月13日，“书香渝中”读书分享会走进南纪门街道，本土作家、阅读推广人和社区居民围坐一堂，分享阅读心得，畅谈书中的山城故事。",
                "分享会上，几位本土作家结合自己的创作经历，讲述了老城街巷、码头文化和市井生活如何成为写作素材；居民们也纷纷上台，朗读自己喜爱的篇章，交流读书感悟。现场还设置了图书漂流角，居民可免费借阅、交换图书。",
                "据了解，今年以来，“书香渝中”系列活动已走进社区、楼宇、学校等开展各类阅读活动100余场，参与群众超过1万人次。",
            ),
        ),
    ),
    map_order=(418616, 418617, 418618),
)

# --------------------------------------------------------------------------------------------
# Content: 2025-12-19 (UTF-8)
# --------------------------------------------------------------------------------------------

PAGE_20251219_01 = Page(
    number=1,
    name="要闻",
    articles=(
        Article(  # head: continues on page 3 as article 418707
            content_id=418701,
            kicker="提振消费 惠民暖心",
            title="“薈聚渝中·暖冬消费季”启动 百余项活动点亮山城冬日",
            coords="10,60,590,60,590,420,10,420",
            paragraphs=(
                "本报讯（记者 徐 潇）12月18日晚，“薈聚渝中·暖冬消费季”在解放碑步行街启动。活动以“暖冬、惠民、焕新”为主题，将持续至2026年2月底，推出商圈促销、美食品鉴、文旅体验、夜间消费等四大类100余项活动。",
                "启动仪式上，渝中区发布了暖冬消费季活动地图和“吃住行游购娱”消费指南，市民游客可通过扫码领取消费券、查询活动信息。现场还举行了商圈品牌联盟签约，20余家商业综合体和老字号企业共同承诺推出让利促销。",
                "据介绍，本次消费季突出商旅文体融合，活动范围覆盖（下转第3版）",
            ),
        ),
        Article(
            content_id=418702,
            title="渝中区举办民营企业座谈会 倾听企业心声 助力发展壮大",
            coords="10,430,380,430,380,850,10,850",
            paragraphs=(
                "本报讯（记者 李佳佳）12月18日，渝中区召开民营企业座谈会，10余家民营企业负责人围绕融资服务、人才引进、场景开放等方面提出意见建议，区级有关部门现场回应企业关切。",
                "座谈会上，企业负责人畅所欲言。一家软件信息企业负责人表示，希望进一步加大应用场景开放力度，为中小科技企业提供更多展示和试用机会；一家餐饮老字号负责人建议，持续优化商圈停车、夜间配送等配套服务。",
                "会议指出，民营经济是推动渝中高质量发展的重要力量。各相关部门要把企业反映的问题建立台账、逐项推动解决，持续擦亮“易企办、安心营、无忧创”营商环境品牌，让企业在渝中安心经营、放心投资。",
            ),
        ),
        Article(
            content_id=418703,
            title="消费季期间解放碑片区发布出行提示",
            coords="390,430,590,430,590,850,390,850",
            paragraphs=(
                "本报讯（记者 王 静）记者从区交通部门获悉，暖冬消费季期间，解放碑、朝天门等片区人流车流将明显增加。交通部门提示，市民游客前往上述区域尽量选择轨道交通、公交等公共交通方式出行；节假日及夜间高峰时段，部分路段将视情况实行临时交通管制，请留意现场交通标志和交警指挥。",
                "此外，区内各大商业综合体停车场将通过线上平台实时发布剩余车位信息，方便驾车市民提前规划行程。",
            ),
        ),
    ),
    map_order=(418701, 418703, 418702),
)

PAGE_20251219_02 = Page(
    number=2,
    name="经济",
    articles=(
        Article(
            content_id=418704,
            title="化龙桥片区数字产业集聚效应加速显现",
            coords="10,60,590,60,590,400,10,400",
            paragraphs=(
                "本报讯（记者 黄清娟）走进化龙桥片区的一处数字产业楼宇，直播间里主播正在介绍重庆特色产品，隔壁的数据分析团队紧盯屏幕，实时调整营销策略。今年以来，片区新引进电商平台服务、数据服务等企业40余家，楼宇入驻企业总数突破200家。",
                "近年来，化龙桥片区依托楼宇资源和交通区位优势，大力发展数字经济和现代服务业，推动数字技术与商贸、文旅、金融等产业深度融合。片区还完善了人才公寓、共享会议室、公共技术服务平台等配套，为企业提供“拎包入驻”式服务。",
                "片区相关负责人表示，下一步将围绕电子商务、数字内容、软件信息等方向精准招商，推动更多优质企业和项目落地，打造具有影响力的数字经济集聚区。",
            ),
        ),
        Article(
            content_id=418705,
            title="楼宇经济“提质增效” 亿元楼宇再添新成员",
            coords="10,410,300,410,300,850,10,850",
            paragraphs=(
                "本报讯（记者 王 静 通讯员 何 川）记者从区商务部门获悉，今年以来，渝中区持续实施楼宇经济提质增效行动，新增税收亿元楼宇3栋，全区亿元楼宇达到43栋。",
                "在解放碑一栋新晋亿元楼宇内，入驻企业以金融、法律、咨询等专业服务机构为主。楼宇运营方介绍，通过引入“楼宇管家”服务，为企业提供政策咨询、人才招聘、活动策划等一站式服务，楼宇入驻率由两年前的80%提升至95%以上。",
                "据了解，渝中区将持续推进楼宇品质提升和业态优化，完善楼宇分级评价和激励机制，推动楼宇经济向高端化、专业化、特色化发展。",
            ),
        ),
        Article(
            content_id=418706,
            title="科技型企业政策宣讲会举行",
            coords="310,410,590,410,590,850,310,850",
            paragraphs=(
                "本报讯（实习生 孙 悦）12月17日，渝中区科技型企业政策宣讲会举行，区科技部门工作人员围绕高新技术企业认定、研发费用加计扣除、科技型企业知识价值信用贷款等政策进行解读，并现场解答企业疑问。",
                "参会企业负责人表示，宣讲会内容实用，帮助企业理清了政策申报的思路。据了解，今年以来，渝中区已组织各类政策宣讲活动20余场，服务企业500余家次。",
            ),
        ),
    ),
    map_order=(418704, 418705, 418706),
)

PAGE_20251219_03 = Page(
    number=3,
    name="综合",
    articles=(
        Article(  # continuation of 418701, under a shortened repeat of its title
            content_id=418707,
            title="“薈聚渝中·暖冬消费季”启动",
            coords="10,60,300,60,300,500,10,500",
            paragraphs=(
                "（上接第1版）解放碑—朝天门、大坪、化龙桥三大商圈和十八梯、山城巷、李子坝等特色街区，并联动周边文旅景点推出夜游线路，串联起“逛商圈、品美食、游山城”的消费场景。",
                "消费季期间，各大商圈将陆续开展品牌折扣、跨年倒计时、新春年货节等主题活动；十八梯、山城巷等街区将推出非遗市集、街头演艺和特色美食展销，让市民游客在体验中感受山城冬日的“暖”与“味”。",
                "区商务委相关负责人表示，渝中将以此次消费季为契机，持续丰富消费业态、优化消费环境，加快推进国际消费中心城市核心区建设，让“薈聚渝中”成为叫得响的消费品牌。",
            ),
        ),
        Article(
            content_id=418708,
            title="渝中区开展冬季食品安全专项检查",
            coords="310,60,590,60,590,500,310,500",
            paragraphs=(
                "本报讯（记者 李 敏 通讯员 杨 柳）为保障节日期间群众“舌尖上的安全”，近日，渝中区市场监管部门对辖区大型商超、农贸市场、餐饮单位等开展冬季食品安全专项检查。",
                "检查中，执法人员重点查看了食品进货查验记录、冷链食品储存条件、餐具清洗消毒等情况，对发现的问题督促经营者限期整改。截至目前，已检查各类食品经营主体600余家次，责令整改问题70余个。",
                "市场监管部门提醒，广大市民购买食品时要选择正规渠道，注意查看生产日期和保质期，如发现食品安全问题，可通过12315热线进行投诉举报。",
            ),
        ),
        Article(
            content_id=418709,
            title="山城巷“老院子”变身社区议事厅",
            coords="10,510,590,510,590,850,10,850",
            paragraphs=(
                "本报讯（记者 黄清娟）“路灯什么时候修好？”“楼下的停车位能不能重新规划？”近日，在南纪门街道山城巷社区新改造的“老院子”议事厅里，居民代表、物业负责人和社区工作者围坐在一起，商量解决身边事。",
                "这处议事厅由一栋闲置的老房子改造而成，保留了原有的木结构和青砖墙，内部设置了议事区、阅览区和志愿服务站。社区党委书记介绍，议事厅启用以来，已召开议事会20余次，协调解决居民反映的问题40余件。",
            ),
        ),
    ),
    map_order=(418708, 418707, 418709),
)

EDITIONS = (
    Edition(
        date=dt.date(2025, 12, 18),
        meta_charset="gb2312",
        codec="gbk",
        pages=(PAGE_20251218_01, PAGE_20251218_02, PAGE_20251218_03, PAGE_20251218_04),
    ),
    Edition(
        date=dt.date(2025, 12, 19),
        meta_charset="utf-8",
        codec="utf-8",
        pages=(PAGE_20251219_01, PAGE_20251219_02, PAGE_20251219_03),
    ),
)
SEED_EDITION_DATE = dt.date(2025, 12, 18)
SEED_PAGE_NUMBER = 2

# --------------------------------------------------------------------------------------------
# Boilerplate: what every page of a Founder e-paper carries besides the news
# --------------------------------------------------------------------------------------------

SITE_CSS = """
/* 渝中报数字报 版面样式 */
html,body{margin:0;padding:0}
body{background:#efebe1;color:#333;font:12px/1.6 "宋体",SimSun,"Microsoft YaHei",Arial,sans-serif;text-align:center}
a{color:#1f3a68;text-decoration:none}
a:hover{color:#c4161c;text-decoration:underline}
img{border:0}
table{border-collapse:collapse;border-spacing:0}
td{vertical-align:top}
ul,ol,li{margin:0;padding:0;list-style:none}
h1,h2,h3,h4{margin:0}
.clearfix:after{content:"";display:block;height:0;clear:both;visibility:hidden}
#wrapper{width:1000px;margin:0 auto;text-align:left;background:#fff;box-shadow:0 0 6px rgba(0,0,0,.15)}
#topbar{height:28px;line-height:28px;padding:0 12px;background:#8c1c13;color:#f6e7c8;font-size:12px;overflow:hidden}
#topbar a{color:#f6e7c8;margin:0 6px}
#topbar a:hover{color:#fff}
#topbar .tb-left{float:left}
#topbar .tb-right{float:right}
#topbar .tb-right span{margin:0 4px;color:#d9b98a}
#masthead{width:100%;height:96px;background:#fbf6ea;border-bottom:3px solid #8c1c13}
#masthead .logo{padding:14px 0 0 24px;font:bold 42px/56px "华文行楷","STXingkai","楷体",KaiTi,serif;color:#8c1c13;letter-spacing:6px;white-space:nowrap}
#masthead .logo small{font:14px/20px "宋体",SimSun,serif;color:#6b4b3a;letter-spacing:1px;margin-left:12px}
#masthead .dateline{padding:16px 24px 0 0;text-align:right;color:#6b4b3a;font-size:13px;line-height:24px}
#masthead .dateline b{color:#8c1c13;font-size:14px}
#masthead .edition-nav{margin-top:6px}
#masthead .edition-nav a,#masthead .edition-nav span{display:inline-block;margin-left:8px;padding:0 10px;height:22px;line-height:22px;border:1px solid #d8c7a4;border-radius:3px;background:#fff;font-size:12px}
#masthead .edition-nav span.disabled{color:#b9ad96;background:#f4efe3;cursor:default}
#main{width:100%}
#leftcol{width:622px;padding:12px 10px 12px 12px;border-right:1px solid #e4dccb}
#rightcol{width:330px;padding:12px}
.page-pic{position:relative;width:600px;height:860px;border:1px solid #cfc5b0;background:#f7f4ec;overflow:hidden}
.page-pic img{display:block;width:600px;height:860px;image-rendering:pixelated}
.zone-mark{position:absolute;border:2px solid #c4161c;background:rgba(196,22,28,.08);display:none;pointer-events:none;box-sizing:border-box}
.pager{height:32px;line-height:32px;margin-top:8px;text-align:center}
.pager a,.pager span{display:inline-block;margin:0 6px;padding:0 14px;border:1px solid #d8c7a4;background:#fbf6ea;height:24px;line-height:24px}
.pager span{color:#b9ad96}
.pager a.pdf{background:#8c1c13;color:#fff;border-color:#8c1c13}
.pager a.pdf:hover{background:#a6271c;text-decoration:none}
.box{border:1px solid #e0d6c2;margin-bottom:12px;background:#fff}
.box .box-title{height:30px;line-height:30px;padding-left:12px;background:#f4ecd9;border-bottom:1px solid #e0d6c2;color:#8c1c13;font-size:14px;font-weight:bold}
.box .box-title em{float:right;margin-right:10px;font-style:normal;font-weight:normal;font-size:12px;color:#9a8467}
.box .box-body{padding:8px 10px}
#pageList{width:100%}
#pageList td{height:26px;line-height:26px;padding-left:6px;border-bottom:1px dashed #e6dfcf;font-size:13px}
#pageList td.current{background:#fdf3e0}
#pageList td.current a{color:#c4161c;font-weight:bold}
#titleList{width:100%}
#titleList td{padding:5px 4px 5px 16px;border-bottom:1px dotted #e6dfcf;font-size:13px;line-height:20px;position:relative}
#titleList td:before{content:"";position:absolute;left:5px;top:12px;width:4px;height:4px;background:#8c1c13}
#titleList td.on{background-color:#fdf3e0}
#titleList a div{cursor:pointer}
#calendar table{width:100%}
#calendar th{height:24px;color:#8c1c13;font-weight:normal;background:#f9f3e6}
#calendar td{height:24px;line-height:24px;text-align:center;color:#b9ad96;font-family:Arial,sans-serif}
#calendar td.has a{display:block;color:#fff;background:#8c1c13;border-radius:2px}
#calendar td.today a{background:#c4161c;font-weight:bold}
#calendar .cal-head{height:28px;line-height:28px;text-align:center;color:#6b4b3a}
#calendar .cal-head a{margin:0 12px;font-family:Arial,sans-serif}
#recentBox li{height:24px;line-height:24px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
#recentBox .empty{color:#b9ad96}
#article{padding:18px 30px 24px}
#article .heads td{text-align:center}
#article h3{font-size:15px;line-height:26px;color:#555;font-weight:normal}
#article h1{margin:4px 0;font:bold 26px/38px "黑体",SimHei,"Microsoft YaHei",sans-serif;color:#111}
#article h2{margin:0 0 6px;font-size:16px;line-height:26px;color:#555;font-weight:normal}
#article h1:empty,#article h2:empty,#article h3:empty{display:none}
#article .tools{margin:10px 0 14px;padding:6px 0;border-top:1px solid #e6dfcf;border-bottom:1px solid #e6dfcf;text-align:right;color:#888}
#article .tools a{margin:0 4px}
#ozoom{font-size:16px;line-height:30px;color:#222;text-align:justify;word-wrap:break-word}
#ozoom p{margin:0 0 10px}
.article-nav{margin-top:20px;padding-top:10px;border-top:1px dashed #d8c7a4;line-height:26px}
.article-nav a,.article-nav span{margin-right:16px}
.article-nav span{color:#b9ad96}
#aboutStrip{width:100%;margin-top:8px}
#aboutStrip td{width:33%;padding:0 6px}
#aboutStrip .box-body{line-height:22px;color:#6b4b3a;text-indent:2em}
#titleSearch{border:1px solid #d8c7a4;padding:2px 4px;height:18px}
#titleSearchHint{color:#c4161c;margin-left:4px}
#footer{padding:16px 0 20px;border-top:3px solid #8c1c13;background:#f4ecd9;text-align:center;color:#6b4b3a;line-height:24px}
#footer a{color:#6b4b3a;margin:0 4px}
#footer p{margin:0}
#gotop{position:fixed;right:24px;bottom:40px;width:40px;height:40px;line-height:40px;text-align:center;background:#8c1c13;color:#fff;border-radius:4px;display:none;z-index:20}
#sharePanel{display:none;position:absolute;right:30px;margin-top:4px;padding:8px 12px;border:1px solid #d8c7a4;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.15);z-index:10}
#sharePanel input{width:260px;border:1px solid #d8c7a4;padding:2px 4px}
#a11yBar{display:none;position:fixed;left:0;right:0;top:0;height:44px;line-height:44px;background:#222;color:#fff;z-index:50;font-size:14px}
#a11yBar a{color:#fff;margin:0 10px}
#a11yBar a.on{color:#ffd24d}
#a11yGuide{display:none;position:fixed;left:0;right:0;height:0;border-top:3px solid #ffd24d;z-index:40;pointer-events:none}
body.a11y-on{padding-top:44px}
body.a11y-big #ozoom,body.a11y-big #titleList td,body.a11y-big #pageList td{font-size:20px;line-height:34px}
body.a11y-contrast,body.a11y-contrast #wrapper,body.a11y-contrast .box{background:#000;color:#ff0}
body.a11y-contrast a{color:#0ff}
body.a11y-gray{filter:grayscale(100%)}
/* 窄屏适配 */
@media screen and (max-width:768px){
#wrapper{width:100%;box-shadow:none}
#topbar .tb-left{display:none}
#masthead{height:auto}
#masthead .logo{padding:10px 0 0 12px;font-size:30px;line-height:40px;letter-spacing:2px}
#masthead .logo small{display:block;margin:0;font-size:12px}
#masthead .dateline{padding:8px 12px;font-size:12px}
#main,#main>tbody,#main>tbody>tr,#main td#leftcol,#main td#rightcol{display:block;width:auto}
#leftcol{padding:8px;border-right:0}
#rightcol{padding:8px}
.page-pic,.page-pic img{width:100%;height:auto}
.page-pic{max-width:600px;margin:0 auto}
.zone-mark{display:none!important}
.pager a,.pager span{margin:0 2px;padding:0 8px}
#article{padding:12px}
#article h1{font-size:21px;line-height:30px}
#article h2,#article h3{font-size:14px;line-height:22px}
#ozoom{font-size:17px;line-height:30px}
#aboutStrip,#aboutStrip tbody,#aboutStrip tr,#aboutStrip td{display:block;width:auto}
#gotop{right:12px;bottom:20px}
#mobileHint{display:block}
}
#mobileHint{display:none;padding:6px 12px;background:#fdf3e0;border-bottom:1px solid #e0d6c2;color:#6b4b3a;font-size:13px}
#mobileHint a{float:right;color:#8c1c13}
.icon{display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:3px;fill:currentColor}
@media print{#topbar,#masthead .edition-nav,#rightcol,#footer,.pager,.tools,.article-nav,#gotop,#a11yBar{display:none}#wrapper{box-shadow:none;width:auto}#leftcol{border:0}}
"""

PAGE_SCRIPT = r"""
/* 渝中报数字报 页面脚本 */
var YZB = window.YZB || {};
(function (Y, doc, win) {
  "use strict";
  Y.version = "3.2.7";

  /* ---------- 通用工具 ---------- */
  Y.byId = function (id) { return doc.getElementById(id); };
  Y.each = function (list, fn) {
    for (var i = 0; i < list.length; i++) { if (fn(list[i], i) === false) { break; } }
  };
  Y.on = function (el, type, fn) {
    if (!el) { return; }
    if (el.addEventListener) { el.addEventListener(type, fn, false); }
    else if (el.attachEvent) { el.attachEvent("on" + type, function () { fn.call(el, win.event); }); }
  };
  Y.hasClass = function (el, name) { return !!el && (" " + el.className + " ").indexOf(" " + name + " ") >= 0; };
  Y.addClass = function (el, name) {
    if (el && !Y.hasClass(el, name)) { el.className = (el.className ? el.className + " " : "") + name; }
  };
  Y.removeClass = function (el, name) {
    if (el) { el.className = (" " + el.className + " ").replace(" " + name + " ", " ").replace(/^\s+|\s+$/g, ""); }
  };
  Y.toggleClass = function (el, name) {
    if (Y.hasClass(el, name)) { Y.removeClass(el, name); return false; }
    Y.addClass(el, name);
    return true;
  };
  Y.pad2 = function (n) { return n < 10 ? "0" + n : String(n); };
  Y.trim = function (s) { return String(s || "").replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""); };
  Y.getCookie = function (name) {
    var parts = doc.cookie ? doc.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (decodeURIComponent(kv[0]) === name) { return decodeURIComponent(kv.slice(1).join("=")); }
    }
    return null;
  };
  Y.setCookie = function (name, value, days) {
    var expires = "";
    if (days) {
      var d = new Date();
      d.setTime(d.getTime() + days * 864e5);
      expires = "; expires=" + d.toUTCString();
    }
    doc.cookie = encodeURIComponent(name) + "=" + encodeURIComponent(value) + expires + "; path=/";
  };
  Y.store = {
    get: function (k) {
      try { return win.localStorage ? win.localStorage.getItem(k) : null; } catch (e) { return null; }
    },
    set: function (k, v) {
      try { if (win.localStorage) { win.localStorage.setItem(k, v); } } catch (e) { /* 隐私模式下忽略 */ }
    }
  };
  Y.info = function () { return win.pageInfo || {}; };

  /* ---------- 正文字号 ---------- */
  Y.ZOOM_STEPS = [90, 100, 115, 130, 150];
  Y.setZoom = function (percent) {
    var box = Y.byId("ozoom");
    if (!box) { return false; }
    box.style.fontSize = (16 * percent / 100).toFixed(1) + "px";
    box.style.lineHeight = (30 * percent / 100).toFixed(1) + "px";
    Y.setCookie("yzb_zoom", percent, 365);
    return false;
  };
  Y.stepZoom = function (step) {
    var now = parseInt(Y.getCookie("yzb_zoom"), 10) || 100, idx = 1;
    Y.each(Y.ZOOM_STEPS, function (z, i) { if (z === now) { idx = i; } });
    idx = Math.max(0, Math.min(Y.ZOOM_STEPS.length - 1, idx + step));
    return Y.setZoom(Y.ZOOM_STEPS[idx]);
  };
  Y.restoreZoom = function () {
    var z = parseInt(Y.getCookie("yzb_zoom"), 10);
    if (z) { Y.setZoom(z); }
  };

  /* ---------- 版面热区与标题联动 ---------- */
  Y.parseCoords = function (text) {
    var nums = String(text || "").split(","), xs = [], ys = [];
    for (var i = 0; i + 1 < nums.length; i += 2) {
      xs.push(parseInt(nums[i], 10));
      ys.push(parseInt(nums[i + 1], 10));
    }
    if (!xs.length) { return null; }
    return {
      left: Math.min.apply(Math, xs), top: Math.min.apply(Math, ys),
      right: Math.max.apply(Math, xs), bottom: Math.max.apply(Math, ys)
    };
  };
  Y.zoneIdFromHref = function (href) {
    var m = /(\d+)\.htm/.exec(href || "");
    return m ? m[1] : null;
  };
  Y.highlight = function (id, on) {
    var mark = Y.byId("zone" + id), title = Y.byId("mp" + id), cell = null;
    if (mark) { mark.style.display = on ? "block" : "none"; }
    if (title) {
      cell = title.parentNode;
      while (cell && cell.tagName !== "TD") { cell = cell.parentNode; }
    }
    if (cell) { (on ? Y.addClass : Y.removeClass)(cell, "on"); }
  };
  Y.buildZoneMarks = function () {
    var maps = doc.getElementsByName("PagePicMap"), holder = Y.byId("pagePic");
    if (!maps.length || !holder) { return; }
    Y.each(maps[0].getElementsByTagName("area"), function (area) {
      var id = Y.zoneIdFromHref(area.getAttribute("href")), box = Y.parseCoords(area.getAttribute("coords"));
      if (!id || !box) { return; }
      var mark = doc.createElement("div");
      mark.className = "zone-mark";
      mark.id = "zone" + id;
      mark.style.left = box.left + "px";
      mark.style.top = box.top + "px";
      mark.style.width = (box.right - box.left) + "px";
      mark.style.height = (box.bottom - box.top) + "px";
      holder.appendChild(mark);
      Y.on(area, "mouseover", function () { Y.highlight(id, true); });
      Y.on(area, "mouseout", function () { Y.highlight(id, false); });
      var title = Y.byId("mp" + id);
      if (title) {
        Y.on(title, "mouseover", function () { Y.highlight(id, true); });
        Y.on(title, "mouseout", function () { Y.highlight(id, false); });
      }
    });
  };

  /* ---------- 往期日历 ---------- */
  Y.WEEK_NAMES = ["日", "一", "二", "三", "四", "五", "六"];
  Y.editionHref = function (key) {
    var p = key.split("-");
    return "../../" + p[0] + "-" + p[1] + "/" + p[2] + "/" + "node" + "_1.htm";
  };
  Y.hasEdition = function (key) {
    var days = Y.info().editionDays || [];
    for (var i = 0; i < days.length; i++) { if (days[i] === key) { return true; } }
    return false;
  };
  Y.renderCalendar = function (year, month) {
    var box = Y.byId("calendar"), info = Y.info();
    if (!box) { return; }
    var first = new Date(year, month - 1, 1).getDay(), total = new Date(year, month, 0).getDate();
    var out = ['<div class="cal-head"><a href="javascript:void(0)" onclick="return YZB.shiftMonth(-1)">&lt;</a>',
      year + "年" + month + "月",
      '<a href="javascript:void(0)" onclick="return YZB.shiftMonth(1)">&gt;</a></div><table><tr>'];
    Y.each(Y.WEEK_NAMES, function (w) { out.push("<th>" + w + "</th>"); });
    out.push("</tr><tr>");
    for (var blank = 0; blank < first; blank++) { out.push("<td></td>"); }
    for (var d = 1; d <= total; d++) {
      var key = year + "-" + Y.pad2(month) + "-" + Y.pad2(d);
      if (Y.hasEdition(key)) {
        out.push('<td class="' + (key === info.date ? "has today" : "has") + '"><a href="' + Y.editionHref(key) + '">' + d + "</a></td>");
      } else {
        out.push("<td>" + d + "</td>");
      }
      if ((first + d) % 7 === 0 && d < total) { out.push("</tr><tr>"); }
    }
    out.push("</tr></table>");
    box.innerHTML = out.join("");
    Y.calYear = year;
    Y.calMonth = month;
  };
  Y.shiftMonth = function (step) {
    var m = Y.calMonth + step, y = Y.calYear;
    if (m < 1) { m = 12; y -= 1; } else if (m > 12) { m = 1; y += 1; }
    Y.renderCalendar(y, m);
    return false;
  };

  /* ---------- 键盘翻版 ---------- */
  Y.bindKeys = function () {
    Y.on(doc, "keydown", function (ev) {
      var info = Y.info(), target = ev.target || ev.srcElement, tag = (target && target.tagName) || "";
      if (!info.page || info.kind !== "node" || /INPUT|TEXTAREA|SELECT/.test(tag)) { return; }
      if (ev.keyCode === 37 && info.page > 1) { win.location.href = "node" + "_" + (info.page - 1) + ".htm"; }
      if (ev.keyCode === 39 && info.page < info.pageCount) { win.location.href = "node" + "_" + (info.page + 1) + ".htm"; }
    });
  };

  /* ---------- 收藏、设首页、打印、分享 ---------- */
  Y.addFavorite = function () {
    try { win.external.addFavorite(win.location.href, doc.title); }
    catch (e) { win.alert("请按 Ctrl+D 将本页加入收藏夹"); }
    return false;
  };
  Y.setHome = function () {
    win.alert("请在浏览器设置中将本页设为首页");
    return false;
  };
  Y.printArticle = function () {
    if (win._yzbTrackEvent) { win._yzbTrackEvent("article", "print"); }
    win.print();
    return false;
  };
  Y.toggleShare = function () {
    var panel = Y.byId("sharePanel"), input = Y.byId("shareUrl");
    if (!panel) { return false; }
    panel.style.display = panel.style.display === "block" ? "none" : "block";
    if (input) { input.value = win.location.href; input.select(); }
    return false;
  };
  Y.copyLink = function () {
    var input = Y.byId("shareUrl");
    if (!input) { return false; }
    input.select();
    try {
      if (win.navigator.clipboard) { win.navigator.clipboard.writeText(input.value); }
      else { doc.execCommand("copy"); }
      win.alert("链接已复制，可粘贴分享给好友");
    } catch (e) {
      win.alert("请手动复制链接");
    }
    return false;
  };

  /* ---------- 返回顶部 ---------- */
  Y.bindGoTop = function () {
    var btn = Y.byId("gotop");
    if (!btn) { return; }
    Y.on(win, "scroll", function () {
      var top = doc.documentElement.scrollTop || doc.body.scrollTop;
      btn.style.display = top > 300 ? "block" : "none";
    });
  };

  /* ---------- 最近阅读 ---------- */
  Y.RECENT_KEY = "yzb_recent";
  Y.RECENT_MAX = 6;
  Y.readRecent = function () {
    var raw = Y.store.get(Y.RECENT_KEY);
    if (!raw) { return []; }
    try { return JSON.parse(raw) || []; } catch (e) { return []; }
  };
  Y.rememberVisit = function () {
    var info = Y.info(), heading = doc.getElementsByTagName("h1")[0], list, fresh = [];
    if (info.kind !== "article" || !heading) { return; }
    var title = Y.trim(heading.innerText || heading.textContent);
    if (!title) { return; }
    list = Y.readRecent();
    fresh.push({ t: title, p: win.location.pathname, d: info.date });
    Y.each(list, function (item) {
      if (item.p !== win.location.pathname && fresh.length < Y.RECENT_MAX) { fresh.push(item); }
    });
    Y.store.set(Y.RECENT_KEY, JSON.stringify(fresh));
  };
  Y.renderRecent = function () {
    var box = Y.byId("recentBox"), list = Y.readRecent(), out = [];
    if (!box) { return; }
    if (!list.length) { box.innerHTML = '<li class="empty">暂无阅读记录</li>'; return; }
    Y.each(list, function (item) {
      var safe = String(item.t).replace(/[<>&"]/g, "");
      out.push('<li><a href="' + encodeURI(item.p) + '" title="' + safe + '">' + safe + "</a></li>");
    });
    box.innerHTML = out.join("");
  };

  /* ---------- 页面初始化 ---------- */
  Y.init = function () {
    var info = Y.info();
    Y.restoreZoom();
    Y.buildZoneMarks();
    if (info.date) {
      var p = info.date.split("-");
      Y.renderCalendar(parseInt(p[0], 10), parseInt(p[1], 10));
    }
    Y.bindKeys();
    Y.bindGoTop();
    Y.rememberVisit();
    Y.renderRecent();
  };
  Y.on(win, "load", Y.init);
})(YZB, document, window);
"""

A11Y_SCRIPT = r"""
/* 适老化与无障碍浏览工具条 */
(function (win, doc) {
  "use strict";
  var PREF_KEY = "yzb_a11y", MODES = ["big", "contrast", "gray", "guide", "speak"];
  var prefs = {}, bar = null, guide = null, voice = win.speechSynthesis || null;

  function load() {
    try { prefs = JSON.parse(win.localStorage.getItem(PREF_KEY) || "{}") || {}; } catch (e) { prefs = {}; }
  }
  function save() {
    try { win.localStorage.setItem(PREF_KEY, JSON.stringify(prefs)); } catch (e) { /* 忽略 */ }
  }
  function setBodyClass(name, on) {
    var body = doc.body, cls = " " + body.className + " ";
    if (on && cls.indexOf(" " + name + " ") < 0) { body.className = (body.className + " " + name).replace(/^\s+/, ""); }
    if (!on) { body.className = cls.replace(" " + name + " ", " ").replace(/^\s+|\s+$/g, ""); }
  }
  function moveGuide(ev) {
    if (guide) { guide.style.top = (ev.clientY + 12) + "px"; }
  }
  function speakSelection() {
    if (!voice || !prefs.speak) { return; }
    var text = win.getSelection ? String(win.getSelection()) : "";
    if (!text) { return; }
    voice.cancel();
    var utter = new win.SpeechSynthesisUtterance(text.slice(0, 600));
    utter.lang = "zh-CN";
    utter.rate = 0.9;
    voice.speak(utter);
  }
  function apply() {
    setBodyClass("a11y-big", !!prefs.big);
    setBodyClass("a11y-contrast", !!prefs.contrast);
    setBodyClass("a11y-gray", !!prefs.gray);
    if (guide) { guide.style.display = prefs.guide ? "block" : "none"; }
    if (bar) {
      var links = bar.getElementsByTagName("a");
      for (var i = 0; i < links.length; i++) {
        var mode = links[i].getAttribute("data-mode");
        links[i].className = mode && prefs[mode] ? "on" : "";
      }
    }
  }
  function toggle(mode) {
    prefs[mode] = !prefs[mode];
    if (mode === "speak" && !prefs.speak && voice) { voice.cancel(); }
    save();
    apply();
    return false;
  }
  function open() {
    if (!bar) { return false; }
    bar.style.display = "block";
    setBodyClass("a11y-on", true);
    prefs.open = true;
    save();
    return false;
  }
  function close() {
    if (!bar) { return false; }
    bar.style.display = "none";
    setBodyClass("a11y-on", false);
    prefs = {};
    save();
    apply();
    return false;
  }
  win.YZBA11y = { open: open, close: close, toggle: toggle, modes: MODES };
  function init() {
    bar = doc.getElementById("a11yBar");
    guide = doc.getElementById("a11yGuide");
    load();
    if (prefs.open) { open(); }
    apply();
    if (doc.addEventListener) {
      doc.addEventListener("mousemove", moveGuide, false);
      doc.addEventListener("mouseup", speakSelection, false);
    }
  }
  if (doc.readyState === "complete" || doc.readyState === "interactive") { win.setTimeout(init, 0); }
  else if (doc.addEventListener) { doc.addEventListener("DOMContentLoaded", init, false); }
  else { win.attachEvent("onload", init); }
})(window, document);
"""

STATS_SCRIPT = r"""
/* 访问统计：仅在本地排队记录，不向任何服务器发送数据 */
var _yzbStat = _yzbStat || [];
(function (w, d) {
  var scr = w.screen || {}, nav = w.navigator || {}, counterKey = "yzb_pv";
  var record = {
    site: "yzb",
    path: w.location.pathname,
    ref: d.referrer || "",
    title: d.title,
    screen: (scr.width || 0) + "x" + (scr.height || 0),
    lang: nav.language || nav.userLanguage || "",
    ts: new Date().getTime()
  };
  _yzbStat.push(["_trackPageview", record]);
  try {
    var count = parseInt(w.localStorage.getItem(counterKey) || "0", 10) + 1;
    w.localStorage.setItem(counterKey, String(count));
  } catch (e) { /* 忽略 */ }
  w._yzbTrackEvent = function (category, action, label) {
    _yzbStat.push(["_trackEvent", category, action, label || "", new Date().getTime()]);
  };
})(window, document);
"""

VIEWER_SCRIPT = r"""
/* 版面放大镜与本版检索 */
(function (Y, win, doc) {
  "use strict";
  var LENS_SIZE = 180, LENS_ZOOM = 2.2, lens = null, enabled = false;

  function pictureBox() { return doc.getElementById("pagePic"); }
  function pictureSrc() {
    var box = pictureBox(), imgs = box ? box.getElementsByTagName("img") : [];
    return imgs.length ? imgs[0].getAttribute("src") : "";
  }
  function ensureLens() {
    var box = pictureBox();
    if (lens || !box) { return lens; }
    lens = doc.createElement("div");
    lens.id = "pageLens";
    lens.style.cssText = "position:absolute;display:none;width:" + LENS_SIZE + "px;height:" + LENS_SIZE +
      "px;border:2px solid #8c1c13;border-radius:50%;box-shadow:0 0 8px rgba(0,0,0,.35);pointer-events:none;" +
      "background-repeat:no-repeat;background-color:#f7f4ec;z-index:5";
    lens.style.backgroundImage = "url(" + pictureSrc() + ")";
    lens.style.backgroundSize = Math.round(box.offsetWidth * LENS_ZOOM) + "px " + Math.round(box.offsetHeight * LENS_ZOOM) + "px";
    box.appendChild(lens);
    return lens;
  }
  function moveLens(ev) {
    var box = pictureBox();
    if (!enabled || !box || !ensureLens()) { return; }
    var rect = box.getBoundingClientRect(), x = ev.clientX - rect.left, y = ev.clientY - rect.top;
    if (x < 0 || y < 0 || x > rect.width || y > rect.height) { lens.style.display = "none"; return; }
    lens.style.display = "block";
    lens.style.left = (x - LENS_SIZE / 2) + "px";
    lens.style.top = (y - LENS_SIZE / 2) + "px";
    lens.style.backgroundPosition = (LENS_SIZE / 2 - x * LENS_ZOOM) + "px " + (LENS_SIZE / 2 - y * LENS_ZOOM) + "px";
  }
  Y.toggleLens = function () {
    enabled = !enabled;
    if (!enabled && lens) { lens.style.display = "none"; }
    var btn = doc.getElementById("lensBtn");
    if (btn) { btn.innerHTML = enabled ? "关闭放大镜" : "放大镜"; }
    return false;
  };

  function rowsOfTitleList() {
    var table = doc.getElementById("titleList");
    return table ? table.getElementsByTagName("tr") : [];
  }
  Y.searchTitles = function () {
    var input = doc.getElementById("titleSearch"), hint = doc.getElementById("titleSearchHint");
    var word = input ? Y.trim(input.value) : "", shown = 0, rows = rowsOfTitleList();
    for (var i = 0; i < rows.length; i++) {
      var label = rows[i].innerText || rows[i].textContent || "";
      var hit = !word || label.indexOf(word) >= 0;
      rows[i].style.display = hit ? "" : "none";
      if (hit) { shown += 1; }
    }
    if (hint) { hint.innerHTML = word ? "找到 " + shown + " 条" : ""; }
    if (win._yzbTrackEvent && word) { win._yzbTrackEvent("search", "titles", word); }
    return false;
  };
  Y.clearSearch = function () {
    var input = doc.getElementById("titleSearch");
    if (input) { input.value = ""; }
    return Y.searchTitles();
  };

  Y.on(doc, "mousemove", moveLens);
  Y.on(win, "resize", function () { if (lens) { lens.parentNode.removeChild(lens); lens = null; } });
})(YZB, window, document);
"""

ICON_SPRITE = """<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">
<symbol id="icon-pdf" viewBox="0 0 16 16"><path d="M3 1h7l3 3v11H3z" fill="none" stroke="currentColor" stroke-width="1.2"/><path d="M10 1v3h3"/><rect x="4.5" y="8" width="7" height="1.2"/><rect x="4.5" y="10.5" width="7" height="1.2"/><rect x="4.5" y="13" width="4" height="1.2"/></symbol>
<symbol id="icon-prev" viewBox="0 0 16 16"><path d="M10.6 2.2 4.8 8l5.8 5.8-1.1 1.1L2.6 8l6.9-6.9z"/></symbol>
<symbol id="icon-next" viewBox="0 0 16 16"><path d="M5.4 2.2 11.2 8l-5.8 5.8 1.1 1.1L13.4 8 6.5 1.1z"/></symbol>
<symbol id="icon-zoom" viewBox="0 0 16 16"><circle cx="6.5" cy="6.5" r="4.6" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="m9.9 11 1.1-1.1 4.2 4.2-1.1 1.1z"/><rect x="4.2" y="5.8" width="4.6" height="1.4"/><rect x="5.8" y="4.2" width="1.4" height="4.6"/></symbol>
<symbol id="icon-print" viewBox="0 0 16 16"><rect x="4" y="1.5" width="8" height="4" fill="none" stroke="currentColor" stroke-width="1.2"/><path d="M1.5 6h13v6H12v-2H4v2H1.5z"/><rect x="4.6" y="10.6" width="6.8" height="4" fill="none" stroke="currentColor" stroke-width="1.2"/></symbol>
<symbol id="icon-share" viewBox="0 0 16 16"><circle cx="12.5" cy="3.5" r="2.2"/><circle cx="3.5" cy="8" r="2.2"/><circle cx="12.5" cy="12.5" r="2.2"/><path d="m4.7 7.1 6.6-3.3.5 1-6.6 3.3zm0 1.8.5-1 6.6 3.3-.5 1z"/></symbol>
<symbol id="icon-calendar" viewBox="0 0 16 16"><rect x="1.5" y="3" width="13" height="11.5" fill="none" stroke="currentColor" stroke-width="1.2"/><rect x="1.5" y="3" width="13" height="3"/><rect x="4" y="1" width="1.4" height="3.5"/><rect x="10.6" y="1" width="1.4" height="3.5"/><rect x="4" y="8.5" width="2" height="2"/><rect x="7" y="8.5" width="2" height="2"/><rect x="10" y="8.5" width="2" height="2"/></symbol>
<symbol id="icon-search" viewBox="0 0 16 16"><circle cx="6.8" cy="6.8" r="4.8" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="m10.3 11.4 1.1-1.1 3.9 3.9-1.1 1.1z"/></symbol>
<symbol id="icon-top" viewBox="0 0 16 16"><path d="M8 3.2 14.2 9.4l-1.1 1.1L8 5.4 2.9 10.5 1.8 9.4z"/><rect x="2" y="12.6" width="12" height="1.4"/></symbol>
</svg>"""

MOBILE_SCRIPT = r"""
/* 窄屏提示：建议横屏或使用手机版阅读；不跳转、不加载外部资源 */
(function (win, doc) {
  "use strict";
  var KEY = "yzb_mobile_hint_closed", NARROW = 768;
  function closed() {
    try { return win.sessionStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function hide() {
    var hint = doc.getElementById("mobileHint");
    if (hint) { hint.style.display = "none"; }
    try { win.sessionStorage.setItem(KEY, "1"); } catch (e) { /* 忽略 */ }
    return false;
  }
  function check() {
    var hint = doc.getElementById("mobileHint"), width = win.innerWidth || doc.documentElement.clientWidth;
    if (!hint) { return; }
    hint.style.display = width <= NARROW && !closed() ? "block" : "none";
  }
  win.YZBMobile = { hide: hide, check: check };
  if (win.addEventListener) {
    win.addEventListener("load", check, false);
    win.addEventListener("resize", check, false);
    win.addEventListener("orientationchange", check, false);
  }
})(window, document);
"""

MOBILE_HINT = (
    '<div id="mobileHint">横屏浏览可获得更好的版面阅读体验'
    '<a href="javascript:void(0)" onclick="return YZBMobile.hide()">知道了</a></div>'
)

A11Y_BAR = """<div id="a11yBar">
<a href="javascript:void(0)" data-mode="big" onclick="return YZBA11y.toggle('big')">大字模式</a>
<a href="javascript:void(0)" data-mode="contrast" onclick="return YZBA11y.toggle('contrast')">高对比度</a>
<a href="javascript:void(0)" data-mode="gray" onclick="return YZBA11y.toggle('gray')">灰度浏览</a>
<a href="javascript:void(0)" data-mode="guide" onclick="return YZBA11y.toggle('guide')">阅读辅助线</a>
<a href="javascript:void(0)" data-mode="speak" onclick="return YZBA11y.toggle('speak')">划词朗读</a>
<a href="javascript:void(0)" onclick="return YZBA11y.close()">退出无障碍</a>
</div>
<div id="a11yGuide"></div>"""

FOOTER_NOTE = (
    "本数字报所刊登的新闻、图片及版面内容，未经书面授权不得转载、摘编或建立镜像，违者必究。",
    "建议使用1280×800以上分辨率、Chrome或Edge等浏览器浏览本站。",
)
ABOUT_BOXES = (  # the 报社简介 / 投稿须知 / 阅读帮助 strip above the footer
    (
        "报社简介",
        "渝中报是立足渝中、服务群众的区域性综合类报纸，坚持正确舆论导向，及时报道全区经济社会发展动态，记录城市核心区的发展变化和百姓生活。数字报与纸质版同步出版，完整呈现每期版面与文章。",
    ),
    (
        "投稿须知",
        "欢迎社会各界踊跃投稿。来稿请注明作者真实姓名、单位和联系方式，新闻稿件须真实准确、时效性强，副刊稿件须为原创首发作品，请勿一稿多投。稿件一经刊用，即视为作者同意本报以数字报等形式转载传播。",
    ),
    (
        "阅读帮助",
        "点击左侧版面图上的文章区域或右侧标题导航即可阅读全文；使用“上一版”“下一版”或键盘左右方向键翻版；点击“PDF下载”可保存当期版面；在“往期回顾”日历中选择日期可查看往期报纸。",
    ),
)

# --------------------------------------------------------------------------------------------
# Paths and labels
# --------------------------------------------------------------------------------------------


def page_label(page: Page) -> str:
    """Return the page's printed label, e.g. 第02版：综合."""
    return f"第{page.number:02d}版：{page.name}"


def long_date(date: dt.date) -> str:
    """Return 2025年12月18日 星期四."""
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def html_dir(date: dt.date) -> Path:
    """Return the folder holding one edition's node and content pages."""
    return SITE_DIR / PAPER_CODE / "html" / f"{date:%Y-%m}" / f"{date:%d}"


def page_asset_stem(date: dt.date, page_no: int) -> str:
    """Return the path of a page's PDF/image below yzb/page/, without extension."""
    return f"{date:%Y-%m}/{date:%d}/{page_no:02d}/{PAPER_CODE}{date:%Y%m%d}_{page_no:02d}"


def pdf_href(date: dt.date, page_no: int) -> str:
    """Return the PDF href as a node page writes it (relative, three levels up)."""
    return f"../../../page/{page_asset_stem(date, page_no)}.pdf"


def image_href(date: dt.date, page_no: int) -> str:
    """Return the page-image src as a node page writes it."""
    return f"../../../page/{page_asset_stem(date, page_no)}.png"


def node_href(page_no: int) -> str:
    """Return the href of a page of the same edition."""
    return f"node_{page_no}.htm"


def content_href(article: Article) -> str:
    """Return the href of an article page of the same edition."""
    return f"content_{article.content_id}.htm"


def icon(name: str) -> str:
    """Return an inline reference to a symbol of the icon sprite."""
    return f'<svg class="icon" aria-hidden="true"><use href="#icon-{name}"></use></svg>'


def text(value: str) -> str:
    """Escape printed text for an HTML text node."""
    return html.escape(value, quote=False)


# --------------------------------------------------------------------------------------------
# HTML pieces
# --------------------------------------------------------------------------------------------


def render_meta(edition: Edition) -> str:
    """Return the charset declaration: the legacy http-equiv form for gb2312, the short one for utf-8."""
    if edition.meta_charset == "utf-8":
        return '<meta charset="utf-8">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={edition.meta_charset}">'


def page_info(edition: Edition, page: Page, kind: str) -> str:
    """Return the JSON blob the page script reads (no URLs in it)."""
    info = {
        "paper": PAPER_CODE,
        "date": edition.date.isoformat(),
        "page": page.number,
        "pageName": page.name,
        "pageCount": len(edition.pages),
        "kind": kind,
        "editionDays": [e.date.isoformat() for e in EDITIONS],
    }
    return json.dumps(info, ensure_ascii=False, sort_keys=True)


def render_head(edition: Edition, title: str, info_json: str) -> str:
    """Return <!DOCTYPE> through </head>."""
    return "\n".join(
        [
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            '<html xmlns="http://www.w3.org/1999/xhtml">',
            "<head>",
            render_meta(edition),
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
            '<meta name="renderer" content="webkit">',
            '<meta name="viewport" content="width=1000">',
            f"<title>{text(title)}</title>",
            f'<meta name="keywords" content="{PAPER_NAME},数字报,电子版,渝中区,{PAPER_NAME}数字报">',
            f'<meta name="description" content="{PAPER_NAME}数字报，{long_date(edition.date)}出版">',
            f'<style type="text/css">{SITE_CSS}</style>',
            f'<script type="text/javascript">{PAGE_SCRIPT}</script>',
            f'<script type="text/javascript">{A11Y_SCRIPT}</script>',
            f'<script type="text/javascript">{VIEWER_SCRIPT}</script>',
            f'<script type="text/javascript">{MOBILE_SCRIPT}</script>',
            f'<script type="text/javascript">var pageInfo = {info_json};</script>',
            "</head>",
        ]
    )


def render_topbar() -> str:
    """Return the thin bar above the masthead (javascript: links only)."""
    return "\n".join(
        [
            '<div id="topbar">',
            '<div class="tb-left">欢迎访问渝中报数字报</div>',
            '<div class="tb-right">',
            '<a href="javascript:void(0)" onclick="return YZB.setHome()">设为首页</a><span>|</span>',
            '<a href="javascript:void(0)" onclick="return YZB.addFavorite()">加入收藏</a><span>|</span>',
            '<a href="javascript:void(0)" onclick="return YZBA11y.open()">无障碍浏览</a>',
            "</div>",
            "</div>",
        ]
    )


def neighbour_edition(edition: Edition, step: int) -> Edition | None:
    """Return the previous (-1) or next (+1) demo edition, if there is one."""
    index = EDITIONS.index(edition) + step
    return EDITIONS[index] if 0 <= index < len(EDITIONS) else None


def render_edition_nav(edition: Edition) -> str:
    """Return 首页 / 上一期 / 下一期; missing neighbours are greyed out, never dangling links."""
    links = ['<a href="node_1.htm">首页</a>']
    for step, label in ((-1, "上一期"), (1, "下一期")):
        other = neighbour_edition(edition, step)
        if other is None:
            links.append(f'<span class="disabled">{label}</span>')
        else:
            links.append(f'<a href="../../{other.date:%Y-%m}/{other.date:%d}/node_1.htm">{label}</a>')
    return '<div class="edition-nav">' + "".join(links) + "</div>"


def render_masthead(edition: Edition, page: Page) -> str:
    """Return the masthead: paper name, date, current page, edition navigation."""
    return "\n".join(
        [
            '<table id="masthead"><tr>',
            f'<td class="logo">{PAPER_NAME}<small>数字报</small></td>',
            '<td class="dateline">',
            f"<b>{long_date(edition.date)}</b>&nbsp;&nbsp;{page_label(page)}",
            render_edition_nav(edition),
            "</td>",
            "</tr></table>",
        ]
    )


def render_page_list(edition: Edition, current: int) -> str:
    """Return the 版面导航 box: one pageLink per page of the edition."""
    rows = []
    for page in edition.pages:
        css = ' class="current"' if page.number == current else ""
        rows.append(
            f'<tr><td{css}><a id="pageLink" href="{node_href(page.number)}">{page_label(page)}</a></td></tr>'
        )
    return "\n".join(
        [
            f'<div class="box"><div class="box-title">版面导航<em>共{len(edition.pages)}版</em></div>',
            '<div class="box-body"><table id="pageList">',
            *rows,
            "</table></div></div>",
        ]
    )


def render_title_list(page: Page) -> str:
    """Return the 标题导航 box: this page's articles in reading order."""
    rows = [
        f'<tr><td><a href="{content_href(a)}"><div style="display:inline" id="mp{a.content_id}">{text(a.title)}</div></a></td></tr>'
        for a in page.articles
    ]
    return "\n".join(
        [
            f'<div class="box"><div class="box-title">标题导航<em>{page_label(page)}</em></div>',
            '<div class="box-body"><table id="titleList">',
            *rows,
            "</table></div></div>",
        ]
    )


def render_side_boxes() -> str:
    """Return the calendar and recent-reading boxes (filled in by the page script)."""
    return "\n".join(
        [
            f'<div class="box"><div class="box-title">{icon("search")}本版检索</div><div class="box-body">'
            '<input id="titleSearch" type="text" size="22" maxlength="30" placeholder="输入标题关键词"> '
            '<a href="javascript:void(0)" onclick="return YZB.searchTitles()">检索</a> '
            '<a href="javascript:void(0)" onclick="return YZB.clearSearch()">清除</a> '
            '<span id="titleSearchHint"></span></div></div>',
            f'<div class="box"><div class="box-title">{icon("calendar")}往期回顾</div><div class="box-body" id="calendar"></div></div>',
            '<div class="box"><div class="box-title">最近阅读</div><div class="box-body"><ul id="recentBox"></ul></div></div>',
        ]
    )


def render_image_map(page: Page) -> str:
    """Return the PagePicMap: one polygon per zone, in the order the operator drew them."""
    by_id = {a.content_id: a for a in page.articles}
    areas = [
        f'<area shape="polygon" coords="{by_id[cid].coords}" href="{content_href(by_id[cid])}">'
        for cid in page.map_order
    ]
    return "\n".join(['<map name="PagePicMap">', *areas, "</map>"])


def render_pager(edition: Edition, page: Page) -> str:
    """Return 上一版 / PDF下载 / 下一版 under the page image."""
    prev_label, next_label = icon("prev") + "上一版", "下一版" + icon("next")
    prev_link = (
        f'<a href="{node_href(page.number - 1)}">{prev_label}</a>'
        if page.number > 1
        else f"<span>{prev_label}</span>"
    )
    next_link = (
        f'<a href="{node_href(page.number + 1)}">{next_label}</a>'
        if page.number < len(edition.pages)
        else f"<span>{next_label}</span>"
    )
    pdf_link = f'<a class="pdf" href="{pdf_href(edition.date, page.number)}">PDF下载</a>'
    lens = f'{icon("zoom")}<a id="lensBtn" href="javascript:void(0)" onclick="return YZB.toggleLens()">放大镜</a>'
    return f'<div class="pager">{prev_link}{pdf_link}{next_link}{lens}</div>'


def render_page_picture(edition: Edition, page: Page) -> str:
    """Return the left column of a node page: page image, image map, pager."""
    return "\n".join(
        [
            '<td id="leftcol">',
            '<div class="page-pic" id="pagePic">',
            f'<img src="{image_href(edition.date, page.number)}" width="{PAGE_IMAGE_WIDTH}" height="{PAGE_IMAGE_HEIGHT}" usemap="#PagePicMap" alt="{page_label(page)}">',
            "</div>",
            render_image_map(page),
            render_pager(edition, page),
            "</td>",
        ]
    )


def render_footer() -> str:
    """Return the footer with the off-host ICP and report links a crawler must ignore."""
    off_host = "".join(f'<a href="{href}" target="_blank">{label}</a>' for href, label in OFF_HOST_LINKS)
    notes = "".join(f"<p>{note}</p>" for note in FOOTER_NOTE)
    about = "".join(
        f'<td><div class="box"><div class="box-title">{title}</div><div class="box-body">{body}</div></div></td>'
        for title, body in ABOUT_BOXES
    )
    return "\n".join(
        [
            f'<table id="aboutStrip"><tr>{about}</tr></table>',
            '<div id="footer">',
            f"<p>{PAPER_NAME}社 版权所有&nbsp;&nbsp;{off_host}</p>",
            notes,
            '<p><a href="#top">返回顶部</a></p>',
            "</div>",
        ]
    )


def render_tail() -> str:
    """Return what closes every page: floating buttons, the a11y bar, the stats script."""
    return "\n".join(
        [
            f'<a id="gotop" href="#top" title="返回顶部">{icon("top")}</a>',
            A11Y_BAR,
            f'<script type="text/javascript">{STATS_SCRIPT}</script>',
            "</body>",
            "</html>",
            "",
        ]
    )


def render_body_open() -> str:
    """Return <body> through the top of the wrapper: icon sprite, anchor, narrow-screen hint."""
    return "\n".join(["<body>", ICON_SPRITE, '<a name="top"></a>', '<div id="wrapper">', MOBILE_HINT])


def render_node_page(edition: Edition, page: Page) -> str:
    """Return the HTML of one page of an edition (node_N.htm)."""
    title = f"{PAPER_NAME}-{page_label(page)}-{edition.date:%Y年%m月%d日}"
    return "\n".join(
        [
            render_head(edition, title, page_info(edition, page, "node")),
            render_body_open(),
            render_topbar(),
            render_masthead(edition, page),
            '<table id="main"><tr>',
            render_page_picture(edition, page),
            '<td id="rightcol">',
            render_page_list(edition, page.number),
            render_title_list(page),
            render_side_boxes(),
            "</td></tr></table>",
            render_footer(),
            "</div>",
            render_tail(),
        ]
    )


def render_body(article: Article) -> str:
    """Return the #ozoom block: one <P> per printed paragraph, indented as real sites do."""
    paragraphs = "\n".join(f"<P>{PARAGRAPH_INDENT}{text(p)}</P>" for p in article.paragraphs)
    return f'<div id="ozoom"><!--enpcontent-->{paragraphs}<!--/enpcontent--></div>'


def render_tools() -> str:
    """Return the font-size / print / share bar above an article."""
    sizes = "".join(
        f'<a href="javascript:void(0)" onclick="return YZB.setZoom({zoom})">{label}</a>'
        for zoom, label in ((130, "大"), (100, "中"), (90, "小"))
    )
    return "\n".join(
        [
            f'<div class="tools">字号：{sizes}&nbsp;|&nbsp;'
            f'{icon("print")}<a href="javascript:void(0)" onclick="return YZB.printArticle()">打印</a>'
            f'{icon("share")}<a href="javascript:void(0)" onclick="return YZB.toggleShare()">分享</a></div>',
            '<div id="sharePanel">本文链接：<input id="shareUrl" type="text" readonly> '
            '<a href="javascript:void(0)" onclick="return YZB.copyLink()">复制</a></div>',
        ]
    )


def render_article_nav(page: Page, article: Article) -> str:
    """Return 上一篇 / 下一篇 / 返回版面 below an article."""
    index = page.articles.index(article)
    prev_link = (
        f'<a href="{content_href(page.articles[index - 1])}">上一篇</a>'
        if index > 0
        else "<span>上一篇</span>"
    )
    next_link = (
        f'<a href="{content_href(page.articles[index + 1])}">下一篇</a>'
        if index + 1 < len(page.articles)
        else "<span>下一篇</span>"
    )
    back_link = f'<a href="{node_href(page.number)}">返回版面</a>'
    return f'<div class="article-nav">{prev_link}{next_link}{back_link}</div>'


def render_article(page: Page, article: Article) -> str:
    """Return the left column of a content page: headings, tools, body, navigation."""
    return "\n".join(
        [
            '<td id="leftcol"><div id="article">',
            '<table class="heads" width="100%">',
            f"<tr><td><h3>{text(article.kicker)}</h3></td></tr>",
            f"<tr><td><h1>{text(article.title)}</h1></td></tr>",
            f"<tr><td><h2>{text(article.subtitle)}</h2></td></tr>",
            "</table>",
            render_tools(),
            render_body(article),
            render_article_nav(page, article),
            "</div></td>",
        ]
    )


def render_content_page(edition: Edition, page: Page, article: Article) -> str:
    """Return the HTML of one article page (content_<id>.htm)."""
    title = f"{PAPER_NAME}-{article.title}" if article.title else PAPER_NAME
    return "\n".join(
        [
            render_head(edition, title, page_info(edition, page, "article")),
            render_body_open(),
            render_topbar(),
            render_masthead(edition, page),
            '<table id="main"><tr>',
            render_article(page, article),
            '<td id="rightcol">',
            render_page_list(edition, page.number),
            render_title_list(page),
            render_side_boxes(),
            "</td></tr></table>",
            render_footer(),
            "</div>",
            render_tail(),
        ]
    )


# --------------------------------------------------------------------------------------------
# Binary placeholders
# --------------------------------------------------------------------------------------------


def minimal_pdf(label: str) -> bytes:
    """Return a one-page PDF printing an ASCII label, with a correct xref table."""
    stream = f"BT /F1 28 Tf 72 1080 Td ({label}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    """Return one PNG chunk with its length and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def placeholder_png(page: Page) -> bytes:
    """Return a small greyscale page image: paper colour with darker zone outlines."""
    width, height = PAGE_IMAGE_WIDTH // THUMB_SCALE, PAGE_IMAGE_HEIGHT // THUMB_SCALE
    pixels = [[0xF4] * width for _ in range(height)]
    for article in page.articles:
        numbers = [int(n) // THUMB_SCALE for n in article.coords.split(",")]
        xs, ys = numbers[0::2], numbers[1::2]
        for y in range(min(ys), min(max(ys), height - 1) + 1):
            for x in range(min(xs), min(max(xs), width - 1) + 1):
                if y in (min(ys), max(ys)) or x in (min(xs), max(xs)):
                    pixels[y][x] = 0xA0
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(raw, 9))
        + _png_chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------------------------
# Writing and checking
# --------------------------------------------------------------------------------------------


def write_html(path: Path, markup: str, codec: str) -> None:
    """Encode strictly (a character the codec lacks is an error) and write the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(markup.encode(codec, errors="strict"))


def write_edition(edition: Edition) -> None:
    """Write one edition's node pages, content pages, PDFs and page images."""
    folder = html_dir(edition.date)
    for page in edition.pages:
        write_html(folder / node_href(page.number), render_node_page(edition, page), edition.codec)
        for article in page.articles:
            write_html(
                folder / content_href(article), render_content_page(edition, page, article), edition.codec
            )
        stem = SITE_DIR / PAPER_CODE / "page" / page_asset_stem(edition.date, page.number)
        stem.parent.mkdir(parents=True, exist_ok=True)
        label = f"{PAPER_CODE} {edition.date.isoformat()} page {page.number:02d}"
        stem.with_suffix(".pdf").write_bytes(minimal_pdf(label))
        stem.with_suffix(".png").write_bytes(placeholder_png(page))


def write_site_files() -> None:
    """Write robots.txt and the README at the site root."""
    (SITE_DIR / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    readme = (
        "# Demo e-paper site: 渝中报 (yzb)\n\n"
        "A synthetic demo edition of 渝中报 in the classic Founder layout, built from one real page and "
        "generated by `tools/build_demo_site.py` (do not edit by hand; rerun the script).\n"
        "Page 2 of 2025-12-18 holds a real printed page's text; everything else is written for the demo.\n"
        "The 2025-12-18 files declare gb2312 but are encoded in GBK; the 2025-12-19 files are UTF-8.\n"
    )
    (SITE_DIR / "README.md").write_text(readme, encoding="utf-8")


def seed_page_lines() -> list[str]:
    """Return page 2 of 2025-12-18 flattened to printed lines: headings then paragraphs, zone by zone."""
    edition = next(e for e in EDITIONS if e.date == SEED_EDITION_DATE)
    page = next(p for p in edition.pages if p.number == SEED_PAGE_NUMBER)
    lines: list[str] = []
    for article in page.articles:
        lines += [h for h in (article.kicker, article.title, article.subtitle) if h]
        lines += article.paragraphs
    return lines


def check_against_seed() -> None:
    """Assert the seed page's zones reproduce the seed file's non-empty lines, in order, exactly."""
    if not SEED_FILE.exists():
        print(f"note: {SEED_FILE} not found; skipping the seed check")
        return
    seed = [line for line in SEED_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = seed_page_lines()
    assert ours == seed, next(
        (f"line {i}: {a!r} != {b!r}" for i, (a, b) in enumerate(zip(ours, seed, strict=False)) if a != b),
        f"{len(ours)} lines != {len(seed)} seed lines",
    )
    print(f"seed check: {len(seed)} lines of {SEED_FILE.name} match page {SEED_PAGE_NUMBER} zones")


def read_back(path: Path, edition: Edition) -> str:
    """Decode a written page the way a crawler should: gb2312-declared pages as gb18030."""
    data = path.read_bytes()
    if edition.codec == "gbk":
        decoded = data.decode("gb18030")
        assert decoded == data.decode("gbk"), path
        assert f"charset={edition.meta_charset}" in decoded, path
        return decoded
    decoded = data.decode("utf-8")
    assert '<meta charset="utf-8">' in decoded, path
    return decoded


def check_edition(edition: Edition) -> None:
    """Assert every written page decodes, carries its text, and node pages have a realistic size."""
    folder = html_dir(edition.date)
    for page in edition.pages:
        node_path = folder / node_href(page.number)
        node = read_back(node_path, edition)
        size = node_path.stat().st_size
        assert NODE_PAGE_MIN_BYTES <= size <= NODE_PAGE_MAX_BYTES, f"{node_path}: {size} bytes"
        assert pdf_href(edition.date, page.number) in node, node_path
        for article in page.articles:
            assert f'id="mp{article.content_id}">{text(article.title)}</div>' in node, (
                node_path,
                article.content_id,
            )
            page_html = read_back(folder / content_href(article), edition)
            body = page_html.split("<!--enpcontent-->", 1)[1].split("<!--/enpcontent-->", 1)[0]
            expected = "\n".join(f"<P>{PARAGRAPH_INDENT}{text(p)}</P>" for p in article.paragraphs)
            assert body == expected, (edition.date, article.content_id)
            assert f"<h1>{text(article.title)}</h1>" in page_html, article.content_id


def check_ids() -> None:
    """Assert content ids are six digits, unique across the site, and each page's map covers its articles."""
    ids = [a.content_id for e in EDITIONS for p in e.pages for a in p.articles]
    assert len(ids) == len(set(ids)), "duplicate content id"
    assert all(100_000 <= i <= 999_999 for i in ids), "content ids must have six digits"
    for edition in EDITIONS:
        for page in edition.pages:
            assert sorted(page.map_order) == sorted(a.content_id for a in page.articles), (
                edition.date,
                page.number,
            )


def main() -> None:
    """Rebuild flows/demo_site from the data above and check the result."""
    check_ids()
    check_against_seed()
    if SITE_DIR.exists():
        shutil.rmtree(SITE_DIR)
    SITE_DIR.mkdir(parents=True)
    for edition in EDITIONS:
        write_edition(edition)
        check_edition(edition)
    write_site_files()
    files = sorted(p for p in SITE_DIR.rglob("*") if p.is_file())
    print(f"wrote {len(files)} files under {SITE_DIR.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
