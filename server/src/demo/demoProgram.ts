/**
 * Demo content: a program modelled on the Shiojiri MEGURU project, with five partly written spec sheets.
 *
 * Typed data only; whoever seeds a demo turns these blocks into the sheets' rich text.
 */
import type { ProgramTargets, SectionStatus } from '@specboard/shared'

/** One block of rich text in a demo section. */
export type DemoBlock =
  | { readonly type: 'paragraph'; readonly text: string; readonly bold?: readonly string[] }
  | { readonly type: 'bulletList'; readonly items: readonly string[] }

/** A written section of a demo sheet: its rich text and its workflow status. */
export interface DemoSection {
  readonly blocks: readonly DemoBlock[]
  readonly status: SectionStatus
}

/** One theme's team and its sheet; sections absent from `sections` are left empty. */
export interface DemoTeam {
  /** The theme, in Japanese. */
  readonly name: string
  /** The theme owner's organisation. */
  readonly organization: string
  /** Fictional members: one owner, one caretaker, one or two outside professionals. */
  readonly members: readonly {
    readonly name: string
    readonly role: 'owner' | 'caretaker' | 'talent'
  }[]
  /** Keyed by template section key. */
  readonly sections: Readonly<Partial<Record<string, DemoSection>>>
}

/** A demo program: its name, region, yearly targets and teams. */
export interface DemoProgram {
  readonly name: string
  readonly region: string
  readonly targets: ProgramTargets
  readonly teams: readonly DemoTeam[]
}

const p = (text: string, ...bold: string[]): DemoBlock =>
  bold.length > 0 ? { type: 'paragraph', text, bold } : { type: 'paragraph', text }
const ul = (...items: string[]): DemoBlock => ({ type: 'bulletList', items })
const sec = (status: SectionStatus, ...blocks: DemoBlock[]): DemoSection => ({ status, blocks })

/** The demo program: five themes, each sheet partly written so a newcomer has sections to fill. */
export const DEMO_PROGRAM: DemoProgram = {
  name: '塩尻MEGURUプロジェクト 2026',
  region: '長野県塩尻市',
  targets: { participants: 15, applicants: 60, interviews: 30, placements: 3, talentPool: 20 },
  teams: [
    {
      name: 'WaiNari を活用した地域資源の可視化による販路拡大プロジェクト',
      organization: '㈱HYAKUSHO・㈱東芝',
      members: [
        { name: '小松 健太', role: 'owner' },
        { name: '宮下 彩', role: 'caretaker' },
        { name: '藤井 翔', role: 'talent' },
        { name: '中村 真理子', role: 'talent' },
      ],
      sections: {
        what: sec(
          'done',
          p(
            'ワインのおいしさを視覚化・言語化するシステム「WaiNari」を活かし、塩尻市のワイン生産者と、ワインに興味を持ち始めた若手消費者がつながるコミュニティをデザインします。',
            '生産者と',
            'がつながるコミュニティ'
          )
        ),
        why: sec(
          'ready',
          p(
            '塩尻には個性の異なるワイナリーが集まっていますが、小さな生産者ほど販路を酒販店や観光で訪れる人に頼っており、新しいファンと出会う機会が限られています。'
          ),
          p(
            '若い世代にとってワインは「難しそう」「何を選べばいいかわからない」飲み物です。味を図や言葉で示せれば、最初の一本を選ぶハードルを下げられると考えています。'
          )
        ),
        missing: sec(
          'draft',
          ul(
            '生産者ごとの発信がばらばらで、「塩尻のワイン」としてまとまった接点がなかった',
            'イベントで一度来てくれた人と、その後の関係が続かなかった',
            'WaiNari の結果を、売り場や SNS で伝わる表現に落とし込める人がいなかった'
          )
        ),
        future: sec(
          'draft',
          p(
            '塩尻のワインを「自分の好みの味」で選ぶファンが全国にいて、オンラインのコミュニティから畑やワイナリーに足を運ぶ人が毎年生まれている。ファンが次のファンを連れてくる循環を目指します。'
          )
        ),
        role: sec(
          'ready',
          p(
            '外部人材の方には、生産者と消費者の間に立ち、コミュニティ設計の中心を担っていただきたいと考えています。'
          ),
          ul(
            '若手消費者向けの企画（オンライン試飲会など）の設計と運営',
            'WaiNari による味の可視化結果を使った発信コンテンツの制作',
            '生産者へのヒアリングと、参加してくれる生産者の巻き込み'
          )
        ),
        skills: sec(
          'draft',
          ul(
            '【必須】コミュニティの企画・運営の経験',
            '【必須】SNS やオンラインイベントでの発信の経験',
            '【歓迎】ワインや食品のマーケティング経験',
            '【歓迎】データをわかりやすく図解する力'
          )
        ),
        terms: sec(
          'draft',
          p(
            '期間は11月〜1月の3か月。稼働は月20時間程度、報酬は月額5万円を想定しています。',
            '月額5万円'
          ),
          p(
            '基本リモートで、定例は週1回オンライン。期間中に1〜2回、ワイナリー訪問のため塩尻に来ていただきたいです（交通費は別途支給）。'
          )
        ),
      },
    },
    {
      name: '伝統工芸の作り手の存続に向けた「仕事を自分事化できる」職人人財の育成',
      organization: '㈱大河内家具工房',
      members: [
        { name: '上條 和也', role: 'owner' },
        { name: '百瀬 由紀', role: 'caretaker' },
        { name: '佐野 亮', role: 'talent' },
      ],
      sections: {
        what: sec(
          'ready',
          p(
            '家具工房の現場業務の体制を見直し、複数の工程をこなせる多能工の職人人財に求める要件を定義します。そのうえで、若手が仕事を自分事として捉えられる育成プログラムを開発し、工房で実践します。',
            '多能工'
          )
        ),
        why: sec(
          'draft',
          p(
            '伝統工芸の現場では、作り手の高齢化と後継者不足が続いています。当工房でも、ある工程を担えるのがベテラン1人だけという状態がいくつもあり、その人が休むと仕事が止まってしまいます。'
          ),
          p(
            '技術を残すには、職人一人ひとりが工房全体の仕事を理解し、「自分の仕事」として引き受けられる体制が必要だと考えています。'
          )
        ),
        missing: sec(
          'draft',
          ul(
            '技術の伝え方が「見て覚える」頼みで、何をどの順で身につけるかが言葉になっていなかった',
            '工程ごとの担当が固定され、若手が仕事の全体像を知る機会がなかった',
            '人材育成を外部の視点を入れて設計したことがなかった'
          )
        ),
        future: sec(
          'draft',
          p(
            '若手の職人が複数の工程を任され、受注から納品までを自分たちで回している。工房で生まれた育成の仕組みが、同じ悩みを持つ地域のほかの工房でも使われている状態を目指します。'
          )
        ),
        role: sec(
          'draft',
          p(
            '人材開発や組織づくりの専門家として、職人へのヒアリングをもとに多能工の要件を一緒に言語化し、育成プログラムの設計と試行に伴走していただきたいです。'
          )
        ),
      },
    },
    {
      name: 'あずさ沿線のテレワーク施設をハブとした関係人口創出プロジェクト',
      organization: 'JR東日本長野支社',
      members: [
        { name: '丸山 拓也', role: 'owner' },
        { name: '赤羽 千尋', role: 'caretaker' },
        { name: '高田 美咲', role: 'talent' },
        { name: '林 大輔', role: 'talent' },
      ],
      sections: {
        what: sec(
          'ready',
          p(
            'あずさ沿線で地域のコミュニティハブになっている既存のテレワーク施設と連携し、JR 独自のレイルウェイネットワークを活かして、首都圏から「通う関係人口」と新しい移動需要を生み出します。',
            '通う関係人口'
          )
        ),
        why: sec(
          'draft',
          p(
            '沿線にはテレワークやワーケーションに使える施設が増えていますが、多くは単独で集客しており、利用が一度きりで終わりがちです。沿線全体を一つのフィールドとして見せられるのは、鉄道会社である私たちだと考えています。'
          )
        ),
        future: sec(
          'draft',
          p(
            '首都圏で働く人が月に一度あずさに乗って沿線の拠点に通い、地域のプロジェクトに関わっている。拠点どうしでも人が行き来し、平日の下り列車に新しい人の流れが生まれている状態です。'
          )
        ),
        commitment: sec(
          'draft',
          ul(
            '支社内に担当を2名置き、今年度の重点施策の一つに位置づけています',
            '沿線の3施設と、連携に向けた話し合いを始めています',
            '駅のポスター掲示など、自社の媒体を使った告知ができます'
          )
        ),
        role: sec(
          'draft',
          p(
            '利用者の目線で「通いたくなる理由」を設計できる方を求めています。企画を一緒に考えるだけでなく、テスト企画の運営や参加者の声の整理まで担っていただきたいと考えています。'
          )
        ),
        success: sec(
          'draft',
          ul(
            '連携施設を3か所以上に広げる',
            '沿線拠点を使ったテスト企画を2回実施し、延べ30名が参加する',
            '参加者の再訪の有無を把握できる仕組みをつくる'
          )
        ),
      },
    },
    {
      name: '「お困りごと trip」の推進による未来の里山共創プロジェクト',
      organization: '㈱TUG BOAT（長野県辰野町と連携）',
      members: [
        { name: '北原 真一', role: 'owner' },
        { name: '唐沢 恵', role: 'caretaker' },
        { name: '森 佳奈', role: 'talent' },
      ],
      sections: {
        what: sec(
          'ready',
          p(
            '地域の人が抱える小さな「お困りごと」を、外から訪れる人が手伝う旅、それが「お困りごと trip」です。「自己実現×課題解決」を掲げてこの旅を広げ、辰野町で持続可能な里山づくりの担い手を発掘します。',
            '「お困りごと trip」',
            '「自己実現×課題解決」'
          )
        ),
        why: sec(
          'draft',
          p(
            '辰野町の里山では、草刈りや水路の手入れ、獣害対策など、担い手がいなくなりつつある仕事が増えています。一方、都市には「自分の力を地域で試したい」という人が少なくありません。この二つをつなげたいと考えています。'
          )
        ),
        missing: sec(
          'draft',
          ul(
            '旅の参加者と地域の人の関係が、旅が終わると途切れてしまう',
            '「お困りごと」の集め方が口コミ頼みで、件数が増えない',
            '参加者がまた来たくなる仕組みを、まだ考えきれていない'
          )
        ),
        role: sec(
          'draft',
          p(
            '旅の企画を一緒につくり、参加者を集める発信を担っていただきたいです。関わり方の詳細は、次回の打ち合わせでチームで詰める予定です。'
          )
        ),
      },
    },
    {
      name: '“まちを好きになる”から始まる、まちのプロモーションプロジェクト',
      organization: '春日部市シティセールス広報課',
      members: [
        { name: '関根 優子', role: 'owner' },
        { name: '新井 達也', role: 'caretaker' },
        { name: '岡田 陽介', role: 'talent' },
        { name: '石川 さくら', role: 'talent' },
      ],
      sections: {
        what: sec(
          'done',
          p(
            '市民が「まちを好きになる」ことから始める、春日部市のプロモーションです。まちで活動する「人」を起点に地域の魅力をつくり出し、まちへの愛着の醸成につながる事業を展開します。',
            '「人」を起点'
          )
        ),
        why: sec(
          'ready',
          p(
            'これまでのシティセールスは、市外での認知向上が中心でした。しかし、住んでいる人自身がまちの魅力を語れなければ、外への発信も長続きしないと感じています。'
          )
        ),
        missing: sec(
          'ready',
          ul(
            '魅力の発信が行政からの一方向で、市民が関わる余地が少なかった',
            'まちで面白い活動をしている人の情報が、課の中に蓄積されていなかった',
            '施策の効果を「愛着」の面から測ってこなかった'
          )
        ),
        future: sec(
          'draft',
          p(
            '市民が自分の言葉で春日部の好きなところを語り、その声に惹かれて市外の人が訪れている。まちの「人」を紹介する取り組みが、市民の手で続いている状態を目指します。'
          )
        ),
        commitment: sec(
          'draft',
          p(
            '来年度の予算要求に本事業を盛り込む方向で調整しています。担当職員2名が週1回の定例に参加し、庁内の関係課との調整は課長が引き受けます。'
          )
        ),
        role: sec(
          'draft',
          ul(
            'まちで活動する人を取材し、魅力を伝える記事や動画を企画・編集する',
            '市民が参加できる発信の仕組み（投稿企画など）を設計する',
            '職員と一緒に、施策の効果を測る指標をつくる'
          )
        ),
        skills: sec(
          'draft',
          ul(
            '【必須】編集・ライティング、または広報の実務経験',
            '【歓迎】自治体や地域メディアとの協働経験',
            '【歓迎】SNS 運用やコミュニティマネジメントの経験'
          )
        ),
        terms: sec(
          'draft',
          p(
            '期間は11月〜1月の3か月。稼働は月15時間程度、報酬は月額4万円です。延長は1月に相談して決めます。',
            '月15時間程度'
          ),
          p(
            '基本リモートで、打ち合わせは隔週オンライン。取材のため月1回程度、春日部市内に来ていただきます（交通費は実費支給）。'
          )
        ),
      },
    },
  ],
}
