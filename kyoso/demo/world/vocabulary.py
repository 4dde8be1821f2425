# ruff: noqa: E501 - one record a line reads better than wrapped Japanese strings
"""Words that catalog projects are made of, per policy field, in Japanese and English.

A project name is a topic plus a pattern (「子育て支援」+「推進事業」), sometimes with a place or a
target group in front. Purposes and contents are built from per-field goals and per-pattern
activities, so that the text reads like a prefecture's disclosed catalog (事業一覧).
"""

from __future__ import annotations

# field -> (topic ja, topic en)
TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "welfare": (
        ("地域福祉", "community welfare"), ("難病患者就労支援", "employment support for patients with intractable diseases"),
        ("認知症高齢者見守り", "dementia watch-over"), ("介護人材確保", "care worker recruitment"),
        ("障害者スポーツ", "para sports"), ("ひきこもり支援", "support for socially withdrawn people"),
        ("自殺予防対策", "suicide prevention"), ("生活困窮者自立支援", "self-reliance support for people in need"),
        ("がん検診受診促進", "cancer screening"), ("食生活改善", "healthy diets"),
        ("地域医療連携", "regional medical cooperation"), ("障害者就労", "employment of people with disabilities"),
        ("ヤングケアラー支援", "young carer support"), ("権利擁護", "advocacy"),
        ("歯科保健", "dental health"), ("健康長寿", "healthy longevity"),
    ),
    "children": (
        ("子育て支援", "child-rearing support"), ("地域子育て支援拠点", "local child-rearing support centres"),
        ("ひとり親家庭自立支援", "self-reliance of single-parent families"), ("児童虐待防止", "child abuse prevention"),
        ("子どもの居場所づくり", "places for children"), ("こども食堂", "children's cafeterias"),
        ("放課後児童クラブ", "after-school clubs"), ("里親制度普及", "foster care"),
        ("結婚・出産応援", "marriage and childbirth support"), ("子どもの貧困対策", "child poverty measures"),
        ("病児保育", "sick-child day care"), ("乳幼児健康支援", "infant health support"),
        ("ファミリー・サポート・センター", "family support centres"), ("子育て世代包括支援", "comprehensive support for families"),
    ),
    "education": (
        ("不登校児童生徒支援", "support for children not attending school"), ("学校図書館活用", "school libraries"),
        ("ICT教育推進", "ICT in education"), ("英語教育", "English education"),
        ("キャリア教育", "career education"), ("家庭教育支援", "home education support"),
        ("地域学校協働", "school–community cooperation"), ("読書活動推進", "reading promotion"),
        ("青少年健全育成", "youth development"), ("特別支援教育", "special needs education"),
        ("生涯学習", "lifelong learning"), ("奨学金", "scholarships"),
    ),
    "community": (
        ("NPO活動支援", "NPO activity support"), ("協働推進", "collaboration promotion"),
        ("地域コミュニティ活性化", "community revitalisation"), ("移住・定住促進", "migration and settlement"),
        ("ボランティア活動推進", "volunteering"), ("CSO提案型協働創出", "CSO-proposed collaboration"),
        ("中山間地域振興", "hilly and mountainous areas"), ("まちづくり人材育成", "community development leaders"),
        ("空き家活用", "vacant house reuse"), ("地域おこし協力隊", "regional revitalisation cooperators"),
        ("県民協働", "citizen collaboration"), ("自治会活動", "neighbourhood associations"),
    ),
    "environment": (
        ("有明海再生", "Ariake Sea restoration"), ("地球温暖化対策", "climate change mitigation"),
        ("再生可能エネルギー導入", "renewable energy"), ("ごみ減量化", "waste reduction"),
        ("食品ロス削減", "food loss reduction"), ("海岸漂着物対策", "marine litter"),
        ("生物多様性保全", "biodiversity conservation"), ("水環境保全", "water environment"),
        ("環境教育", "environmental education"), ("プラスチック資源循環", "plastic recycling"),
        ("森林環境保全", "forest conservation"), ("脱炭素", "decarbonisation"),
    ),
    "disaster": (
        ("自主防災組織育成", "community disaster organisations"), ("避難所運営", "evacuation shelters"),
        ("防災啓発", "disaster awareness"), ("災害ボランティア", "disaster volunteers"),
        ("消費者教育", "consumer education"), ("交通安全", "road safety"),
        ("防犯", "crime prevention"), ("要配慮者避難支援", "evacuation of people needing care"),
        ("消防団", "volunteer fire corps"), ("特殊詐欺被害防止", "fraud prevention"),
    ),
    "industry": (
        ("中小企業支援", "SME support"), ("創業支援", "start-up support"),
        ("事業承継", "business succession"), ("企業誘致", "business attraction"),
        ("UJIターン就職", "U/I-turn employment"), ("女性の就業", "women's employment"),
        ("地場産業振興", "local industry"), ("コスメティック産業", "cosmetics industry"),
        ("産業人材育成", "industrial human resources"), ("商店街活性化", "shopping streets"),
        ("デジタル化支援", "digitalisation of business"), ("外国人材受入", "foreign workers"),
    ),
    "agriculture": (
        ("園芸農業", "horticulture"), ("佐賀牛ブランド", "Saga beef brand"),
        ("新規就農者", "new farmers"), ("のり養殖", "nori farming"),
        ("有害鳥獣対策", "wildlife damage"), ("農産物輸出", "farm exports"),
        ("棚田保全", "terraced rice fields"), ("森林整備", "forest management"),
        ("地産地消", "local production for local consumption"), ("6次産業化", "sixth-sector industrialisation"),
        ("水産資源回復", "fishery resources"), ("農福連携", "agriculture–welfare cooperation"),
    ),
    "tourism": (
        ("観光情報発信", "tourist information"), ("インバウンド誘客", "inbound tourism"),
        ("温泉地活性化", "hot spring resorts"), ("サイクルツーリズム", "cycle tourism"),
        ("観光人材育成", "tourism human resources"), ("県産品販路拡大", "sales of local products"),
        ("フィルムコミッション", "film commission"), ("教育旅行誘致", "school trips"),
        ("ユニバーサルツーリズム", "universal tourism"), ("観光地域づくり", "tourism destination management"),
    ),
    "culture": (
        ("文化芸術振興", "arts and culture"), ("文化財保存活用", "cultural properties"),
        ("地域スポーツ振興", "community sport"), ("障害者文化芸術", "art by people with disabilities"),
        ("伝統工芸継承", "traditional crafts"), ("美術館活性化", "museums"),
        ("郷土芸能", "folk performing arts"), ("SAGAアリーナ活用", "arena use"),
        ("国スポ・全障スポ開催", "national sports festival"), ("読書文化", "reading culture"),
    ),
    "international": (
        ("多文化共生", "multicultural coexistence"), ("国際交流", "international exchange"),
        ("外国人相談", "consultation for foreign residents"), ("海外技術協力", "overseas technical cooperation"),
        ("JICA連携", "partnership with JICA"), ("日本語教室", "Japanese language classes"),
        ("海外販路開拓", "overseas markets"), ("姉妹都市交流", "sister city exchange"),
    ),
    "human_rights": (
        ("男女共同参画", "gender equality"), ("DV被害者支援", "support for victims of domestic violence"),
        ("女性の活躍推進", "women's empowerment"), ("人権啓発", "human rights awareness"),
        ("性の多様性理解", "sexual diversity awareness"), ("犯罪被害者支援", "crime victim support"),
        ("ワーク・ライフ・バランス", "work-life balance"), ("同和問題啓発", "Dowa issue awareness"),
    ),
    "infrastructure": (
        ("道路維持管理", "road maintenance"), ("河川環境整備", "river environment"),
        ("公共交通", "public transport"), ("バリアフリー", "barrier-free access"),
        ("県営住宅", "prefectural housing"), ("港湾利用促進", "port use"),
        ("景観形成", "townscape"), ("都市公園", "urban parks"),
        ("地域交通", "community transport"), ("橋梁長寿命化", "bridge life extension"),
    ),
    "administration": (
        ("行政のデジタル化", "digital government"), ("広報", "public relations"),
        ("県民意識調査", "residents' survey"), ("オープンデータ", "open data"),
        ("県庁総合案内運営", "prefectural office information desk"), ("ふるさと納税", "hometown tax donation"),
        ("統計調査", "statistical surveys"), ("行政改革", "administrative reform"),
        ("県政出前講座", "outreach lectures"), ("政策形成", "policy making"),
    ),
}

# (suffix ja, English pattern, kind) — kind selects the activities in the content.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("事業", "{} project", "general"),
    ("推進事業", "{} promotion", "general"),
    ("支援事業", "{} support", "support"),
    ("普及啓発事業", "{} awareness campaign", "awareness"),
    ("人材育成事業", "{} leader training", "training"),
    ("調査研究事業", "{} research", "research"),
    ("拠点運営事業", "{} centre operation", "operation"),
    ("モデル事業", "{} pilot", "pilot"),
    ("ネットワーク構築事業", "{} network building", "network"),
    ("補助金", "{} subsidy", "grant"),
    ("フォーラム開催事業", "{} forum", "event"),
    ("相談窓口運営事業", "{} helpdesk", "operation"),
    ("情報発信事業", "{} information", "awareness"),
    ("強化事業", "strengthening {}", "general"),
)

GOALS: dict[str, tuple[str, ...]] = {
    "welfare": ("誰もが住み慣れた地域で安心して暮らせる社会の実現", "県民の健康寿命の延伸",
                "支援を必要とする人が孤立しない地域づくり"),
    "children": ("安心して子どもを産み育てられる環境づくり", "子どもの健やかな成長と保護者の負担軽減",
                 "地域全体で子育てを支える体制の構築"),
    "education": ("子どもたちの生きる力の育成", "学校・家庭・地域が連携した教育環境の充実",
                  "誰もが学び続けられる環境づくり"),
    "community": ("県民・CSO・企業・行政の協働による地域課題の解決", "住民主体の地域づくりの推進",
                  "持続可能な地域コミュニティの形成"),
    "environment": ("豊かな自然環境を次世代に引き継ぐこと", "脱炭素社会・循環型社会の実現",
                    "宝の海・有明海の再生"),
    "disaster": ("災害に強い地域づくり", "県民の安全で安心な暮らしの確保",
                 "地域の防災力の向上"),
    "industry": ("地域経済の活性化と雇用の創出", "県内企業の競争力強化",
                 "若者が県内で働き続けられる環境づくり"),
    "agriculture": ("農林水産業の担い手確保と所得向上", "県産農林水産物のブランド力強化",
                    "農山漁村の活性化"),
    "tourism": ("国内外からの誘客と観光消費の拡大", "地域の魅力の発信と交流人口の増加",
                "観光産業の振興"),
    "culture": ("文化・スポーツを通じた地域の活力づくり", "地域の歴史・文化の継承",
                "誰もが文化芸術やスポーツに親しめる環境づくり"),
    "international": ("外国人住民が暮らしやすい多文化共生の地域づくり", "国際交流を通じた人材育成",
                      "海外との経済・技術交流の推進"),
    "human_rights": ("一人ひとりの人権が尊重される社会の実現", "男女が共に活躍できる社会づくり",
                     "被害者が安心して相談できる体制の整備"),
    "infrastructure": ("安全で快適な社会基盤の維持", "誰もが移動しやすい交通環境の確保",
                       "魅力ある都市空間の形成"),
    "administration": ("県民サービスの向上と行政運営の効率化", "県政への県民参画の促進",
                       "開かれた行政の推進"),
}

ACTIVITIES: dict[str, tuple[str, ...]] = {
    "general": ("関係機関による連絡会議の開催", "取組事例の収集と共有", "関係団体との連携による事業の実施"),
    "support": ("活動に要する経費の一部助成", "専門家による個別相談の実施", "伴走型の支援"),
    "awareness": ("リーフレットの作成・配布", "SNS・ウェブサイトでの情報発信", "街頭キャンペーンの実施"),
    "training": ("養成講座の開催(年6回)", "フォローアップ研修の実施", "現場での実地研修"),
    "research": ("実態調査(アンケート・聞き取り)の実施", "先進事例の調査", "調査結果の報告書の公表"),
    "operation": ("拠点施設の運営(平日9時〜17時)", "電話・メールによる相談対応", "利用者交流会の開催"),
    "pilot": ("モデル地区での試行", "効果検証と手法のマニュアル化", "他地域への展開"),
    "network": ("関係団体のネットワーク会議の開催", "情報共有サイトの運営", "合同研修会の開催"),
    "grant": ("市町・団体が行う取組への補助(補助率1/2以内)", "補助事業の成果報告会の開催",
              "申請に関する説明会の開催"),
    "event": ("フォーラム・シンポジウムの開催", "パネル展示・ワークショップの実施", "参加者アンケートの実施"),
}

BENEFICIARIES: dict[str, tuple[str, ...]] = {
    "welfare": ("高齢者とその家族", "障害のある人", "県民", "生活困窮者", "医療・介護従事者"),
    "children": ("子育て中の保護者", "子ども・若者", "ひとり親家庭", "妊産婦", "保育士・支援者"),
    "education": ("児童生徒", "教職員", "保護者", "県民", "青少年"),
    "community": ("NPO・市民活動団体(CSO)", "自治会・地域団体", "県民", "移住希望者", "企業"),
    "environment": ("県民", "事業者", "漁業者", "児童生徒", "市町"),
    "disaster": ("県民", "自主防災組織", "高齢者・障害者", "消費者", "市町"),
    "industry": ("中小企業・小規模事業者", "求職者", "創業希望者", "若者", "事業者"),
    "agriculture": ("農業者", "漁業者", "林業者", "新規就農希望者", "農業法人"),
    "tourism": ("観光客", "観光事業者", "外国人観光客", "県民", "市町・観光協会"),
    "culture": ("県民", "文化芸術団体", "スポーツ団体", "児童生徒", "障害のある人"),
    "international": ("外国人住民", "県民", "留学生", "県内企業", "海外研修員"),
    "human_rights": ("県民", "女性", "被害者", "事業者", "児童生徒"),
    "infrastructure": ("県民", "道路利用者", "公共交通利用者", "県営住宅入居者", "事業者"),
    "administration": ("県民", "市町", "県職員", "事業者", "CSO"),
}

TARGET_GROUPS: tuple[str, ...] = ("若者", "高齢者", "女性", "外国人", "障害者", "学生", "企業", "地域")

# Real-looking signature projects of the prefecture (from Saga's disclosed catalog), by field.
SIGNATURE_PROJECTS: tuple[tuple[str, str, str], ...] = (
    ("子育て支援事業", "Child-rearing Support Project", "children"),
    ("地域子育て支援拠点事業", "Local Child-rearing Support Centres", "children"),
    ("ひとり親家庭自立支援事業", "Self-reliance Support for Single-parent Families", "children"),
    ("佐賀県観光情報発信事業", "Saga Tourist Information Project", "tourism"),
    ("有明海再生事業", "Ariake Sea Restoration Project", "environment"),
    ("佐賀さいこうフェスタ開催事業", "Saga Saikou Festa", "culture"),
    ("NPO活動支援事業", "NPO Activity Support Project", "community"),
    ("難病患者就労支援事業", "Employment Support for Patients with Intractable Diseases", "welfare"),
    ("県庁総合案内運営事業(さが元気ひろば)", "Prefectural Office Information Desk (Saga Genki Hiroba)",
     "administration"),
    ("CSO提案型協働創出事業", "CSO-proposed Collaboration Creation Project", "community"),
    ("協働化テスト推進事業", "Collaboration Testing Project", "community"),
    ("さが未来スイッチ推進事業", "Saga Future Switch Project", "community"),
    ("佐賀県CSO推進機構運営支援事業", "Saga CSO Promotion Organisation Support", "community"),
    ("ふるさと納税NPO等指定寄附事業", "Hometown Tax Donations Designated to NPOs", "community"),
    ("県民協働ボランティア推進事業", "Citizen Volunteering Promotion", "community"),
    ("佐賀県多文化共生推進事業", "Saga Multicultural Coexistence Project", "international"),
    ("JICA草の根技術協力事業(地域活性化特別枠)", "JICA Partnership Program (Regional Revitalisation)",
     "international"),
    ("佐賀県食品ロス削減推進事業", "Saga Food Loss Reduction Project", "environment"),
    ("こども食堂ネットワーク支援事業", "Children's Cafeteria Network Support", "children"),
    ("自主防災組織活性化支援事業", "Community Disaster Organisation Support", "disaster"),
)
