/**
 * Japanese strings for accounts: sign-in by email, devices, members, coordinators, program settings and
 * the audit trail. Their own i18next namespace (`accounts`), so the typed keys of each stay small enough
 * for the compiler.
 */
export const accountsJa = {
  invites: {
    statusUsed: '使用済み',
    uses: '参加できる人数',
    usesOne: '1人だけ',
    usesHint: '1人用のリンクは、転送されても他の人は使えません。',
    usesMany: '{{count}}人まで',
    acceptedOf: '参加 {{count}}/{{max}}人',
  },
  join: {
    email: 'メールアドレス',
    emailHint: '別の端末やブラウザからは、このアドレスに届くリンクでサインインします。',
    confirmTitle: 'メールを確認してください',
    confirmBody:
      '{{email}} にはすでにアカウントがあります。届いたメールのリンクを開くと、そのアカウントのままこのチームに参加できます。',
    usedTitle: 'この招待リンクは使用済みです',
    usedBody:
      'この招待リンクは1人用で、すでに使われています。招待した人に、あなた用のリンクを発行してもらってください。',
  },
  signin: {
    title: 'サインイン',
    lead: '参加したときのメールアドレスを入力してください。サインイン用のリンクをお送りします。',
    email: 'メールアドレス',
    submit: 'サインインリンクを送る',
    sending: '送信中…',
    sentTitle: 'メールを確認してください',
    sentBody:
      '{{email}} がアカウントに登録されていれば、サインイン用のリンクを送りました。リンクは {{minutes}} 分間、一度だけ使えます。',
    sentAgain: '別のアドレスで送る',
    noMail:
      'メールが届かないときは、迷惑メールフォルダを確認してください。サーバーにメール送信が設定されていない場合、リンクはサーバーのコンソールと outbox フォルダに出力されます。',
    linkTitle: 'サインインしています…',
    linkFailedTitle: 'このリンクは使えません',
    linkFailedBody:
      'サインインリンクは一度だけ、{{minutes}} 分以内に使えます。もう一度リンクを送ってください。',
    askAgain: 'サインインリンクをもう一度送る',
    joined: 'チームに参加しました',
    signInInstead: 'アカウントをお持ちの方はサインイン',
  },
  account: {
    title: 'アカウント',
    name: '名前',
    email: 'メールアドレス',
    noEmail: '未登録',
    devices: 'サインイン中の端末',
    devicesLead: '{{days}} 日間使われなかった端末は自動的にサインアウトされます。',
    thisDevice: 'この端末',
    unknownDevice: '不明な端末',
    lastUsed: '最終利用',
    since: 'サインイン',
    signOutDevice: 'この端末をサインアウト',
    signOutEverywhere: 'すべての端末からサインアウト',
    signOutEverywhereConfirm:
      'すべての端末からサインアウトしますか？この端末も含め、もう一度メールのリンクでサインインする必要があります。',
    memberships: '参加しているチームとプログラム',
  },
  members: {
    remove: '外す',
    removeLabel: '{{name}} さんをチームから外す',
    removeConfirm:
      '{{name}} さんをこのチームから外しますか？開いている画面はすぐに閉じられます。これまでのコメントは名前付きで残ります。',
    removedTitle: 'このチームから外されました',
    removedBody:
      'このチームの仕様書は、もう開けません。必要なら、チームの世話人かコーディネーターに連絡してください。',
  },
  coordinators: {
    title: 'コーディネーター',
    lead: 'このプログラムを一緒に運営する人をメールで招待します。招待された人は、このプログラムだけを運営できます。',
    email: 'メールアドレス',
    appoint: 'コーディネーターに招待',
    appointed: '{{email}} を招待し、サインイン用のメールを送りました。',
  },
  settings: {
    title: 'プログラムの設定',
    link: '設定',
    basics: '基本情報',
    name: 'プログラム名',
    region: '地域',
    targets: '今年度の目標',
    targetsLead: '実績ダッシュボードで、ここに入れた数と実績を比べます。空欄は目標なし。',
    target: {
      participants: '参加者',
      applicants: '応募者',
      placements: '採用',
      talentPool: '人材プール',
    },
    template: '仕様書のテンプレート',
    templateLead:
      'セクションの追加・名前の変更・ガイドの書き換え・並べ替え・廃止ができます。廃止したセクションは新しく書けなくなりますが、すでに書かれた文章は読み取り専用で残り、書き出しにも含まれます。',
    titleJa: '見出し（日本語）',
    titleEn: '見出し（英語）',
    promptJa: 'ガイド（日本語）',
    promptEn: 'ガイド（英語）',
    key: 'キー',
    moveUp: '上へ',
    moveDown: '下へ',
    retire: '廃止する',
    restore: '戻す',
    retired: '廃止済み',
    addSection: 'セクションを追加',
    newSection: '新しいセクション',
    newPrompt: 'ここに書いてほしいことを説明してください。',
    save: '保存',
    saved: '保存しました',
    unsaved: '未保存の変更があります',
  },
  audit: {
    title: '操作の記録',
    lead: '公開・非公開、選考の段階の変更と採用、メンバーの削除、コーディネーターの任命、人材プールの削除を、誰がいつ行ったかを記録しています。',
    download: 'CSV をダウンロード',
    empty: 'まだ記録はありません。求人の公開や選考を進めると、ここに残ります。',
    when: '日時',
    who: '実行者',
    what: '操作',
    subject: '対象',
    detail: {
      fields: '変更した項目',
      email: 'メール',
      team: 'チーム',
      role: '役割',
      from: '変更前',
      to: '変更後',
      slug: 'URL',
      version: '版',
      createdAt: '登録日時',
    },
    action: {
      'posting.publish': '求人を公開',
      'posting.unpublish': '求人を非公開',
      'application.stage': '選考の段階を変更',
      'member.remove': 'メンバーを削除',
      'coordinator.appoint': 'コーディネーターを任命',
      'pool.erase': '人材プールから削除',
      'application.erase': '応募者の個人情報を削除',
      'program.update': 'プログラムの設定を変更',
    },
  },
  board: {
    retiredSection: '廃止されたセクション（読み取り専用）',
  },
}

export type AccountsMessages = typeof accountsJa
