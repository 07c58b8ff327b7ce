<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../trainer/commands.py" line="35"/>
        <source>{0} の編集</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../trainer/commands.py" line="65"/>
        <source>事例 {0} の編集</source>
        <translation>Edit case {0}</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="40"/>
        <source>公開できません</source>
        <translation>Cannot publish</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="41"/>
        <source>問題バンクに問題があるため公開できません。</source>
        <translation>The question banks have problems, so they cannot be published.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="44"/>
        <source>公開</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="44"/>
        <source>公開済みの内容から変わった問題はありません。</source>
        <translation>No items have changed since the last publication.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="48"/>
        <source> ほか {0} 問</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="50"/>
        <source>新規 {0} 問・変更 {1} 問・廃止 {2} 問・変更なし {3} 問</source>
        <translation>New: {0} ・ Changed: {1} ・ Retired: {2} ・ Unchanged: {3}</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="53"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="53"/>
        <source>変更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="53"/>
        <source>廃止</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="55"/>
        <source>公開の確認</source>
        <translation>Confirm publishing</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="57"/>
        <source>変更された問題は新しい版になります。実施中の試験は元の版のまま採点されます。公開してよいですか？</source>
        <translation>Changed items become new versions. Assessments under way are still scored with the earlier versions. Publish now?</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="147"/>
        <source>取り込むファイル</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="148"/>
        <source>GIFT・Moodle XML (*.gift *.txt *.xml)</source>
        <translation>GIFT, Moodle XML (*.gift *.txt *.xml)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="166"/>
        <source>取り込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="171"/>
        <source>取り込みました: {0}（{1} 問）</source>
        <translation>Imported: {0} ({1} items)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="183"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="184"/>
        <source>形式（一覧に表示中の問題を書き出します）</source>
        <translation>Format (the items shown in the list are exported)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="188"/>
        <source>保存先</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="203"/>
        <source>書き出せません</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="205"/>
        <source>{0} 問を書き出しました: {1}</source>
        <translation>Exported {0} items: {1}</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="213"/>
        <source>注意事項はありません。</source>
        <translation>Nothing to report.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="274"/>
        <source>図のファイル</source>
        <translation>Figure file</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="275"/>
        <source>画像 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="281"/>
        <source>図</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="281"/>
        <source>同じ名前の別の図がすでにあります: {0}。ファイル名を変えてから選んでください。</source>
        <translation>A different figure with the same name already exists: {0}. Rename the file, then choose it.</translation>
    </message>
</context>
<context>
    <name>AssessmentListPage</name>
    <message>
        <location filename="../examinee/assessments.py" line="19"/>
        <source>受験できる試験</source>
        <translation>Assessments you can take</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="21"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="22"/>
        <source>ログイン画面に戻る</source>
        <translation>Back to the login screen</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="41"/>
        <source>職員番号 {0} で受験できる試験です。</source>
        <translation>Assessments that staff number {0} can take.</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="58"/>
        <source>問題数 {0} 問 ・ 制限時間 {1} 分 ・ 受験期限 {2} ・ 残り受験回数 {3} 回</source>
        <translation>Items: {0} ・ Time limit: {1} min ・ Deadline: {2} ・ Attempts left: {3}</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="61"/>
        <source>続きから再開</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="61"/>
        <source>受験する</source>
        <translation>Take this assessment</translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="70"/>
        <source>途中の解答があります。時間は中断中も進んでいます。</source>
        <translation>You have an unfinished attempt. The clock has kept running while you were away.</translation>
    </message>
</context>
<context>
    <name>AttemptPage</name>
    <message>
        <location filename="../examinee/attempt.py" line="54"/>
        <source>残り時間</source>
        <translation>Time remaining</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="56"/>
        <source>保存の状態</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="65"/>
        <source>事例の本文</source>
        <translation>Case text</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="69"/>
        <source>← 前へ</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="70"/>
        <source>あとで見直す</source>
        <translation>Flag for review</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="72"/>
        <source>次へ →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="73"/>
        <location filename="../examinee/attempt.py" line="75"/>
        <source>見直し・提出へ</source>
        <translation>Review and submit</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="74"/>
        <source>前の問題へ</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="74"/>
        <source>あとで見直す印</source>
        <translation>Flag for review</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="75"/>
        <source>次の問題へ</source>
        <translation>Next item</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="189"/>
        <source>問 {0} / {1}</source>
        <translation>Item {0} of {1}</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="191"/>
        <source>事例: {0}</source>
        <translation>Case: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="249"/>
        <source>このパソコンに保存済み・送信待ち（{0} 件）。接続が戻ると自動で送信します</source>
        <translation>Saved on this PC, waiting to be sent ({0}). They are sent automatically once the connection is back</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="252"/>
        <source>保存を再試行しています。アプリを閉じないでください（未保存 {0} 件）</source>
        <translation>Retrying the save. Do not close the app ({0} not yet saved)</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="255"/>
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="255"/>
        <source>このパソコンに保存済み・送信中…</source>
        <translation>Saved on this PC, sending…</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="258"/>
        <source>✓ 保存済み</source>
        <translation>✓ Saved</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="269"/>
        <source>残り {0}:{1:02d}</source>
        <translation>Time left {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="273"/>
        <source>残り {0} 分です。</source>
        <translation>{0} min left.</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="284"/>
        <source>時間になりました。ここまでの解答で提出しています…</source>
        <translation>Time is up. Submitting your answers so far…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../hr/audit_view.py" line="38"/>
        <source>誰が（職員番号・アカウント名。前方一致）</source>
        <translation>Who (staff number or account name; its start)</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="39"/>
        <location filename="../hr/audit_view.py" line="53"/>
        <source>誰が</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="41"/>
        <location filename="../hr/audit_view.py" line="53"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="42"/>
        <location filename="../hr/audit_view.py" line="85"/>
        <source>すべての操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="44"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="45"/>
        <source>直近 7 日</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="45"/>
        <source>直近 30 日</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="45"/>
        <source>直近 1 年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="46"/>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="48"/>
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="49"/>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="51"/>
        <source>条件を選んで「表示」を押すと、新しい順に表示します（時刻は日本時間）。</source>
        <translation>Choose the filters and press Show: newest first (times in Japan time).</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="53"/>
        <source>日時（日本時間）</source>
        <translation>When (Japan time)</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="54"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="61"/>
        <source>監査ログ</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="97"/>
        <source>{0} 行のうち {1} 行を表示しています（新しい順、時刻は日本時間）。</source>
        <translation>Showing {1} of {0} rows (newest first, Japan time).</translation>
    </message>
    <message>
        <location filename="../hr/audit_view.py" line="101"/>
        <source>監査ログの保存先</source>
        <translation>Save the audit log to</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <location filename="../hr/candidates_view.py" line="27"/>
        <source>試験を選ぶと、その受験者を氏名と結果で一覧にします。この一覧の表示と保存は、監査ログに記録されます。</source>
        <translation>Choose an assessment to list its candidates by name with their results. Viewing and saving this list are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="30"/>
        <source>絞り込み（職員番号・氏名・所属・状況）</source>
        <translation>Filter (staff number, name, unit, status)</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="31"/>
        <source>絞り込み</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="32"/>
        <source>Excel で保存…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="34"/>
        <source>個人結果票（全員）を PDF で保存…</source>
        <translation>Save everyone&apos;s result sheets as PDF…</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="48"/>
        <source>受験者一覧</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="67"/>
        <source>職員番号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="65"/>
        <location filename="../hr/candidates_view.py" line="67"/>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="65"/>
        <source>受験番号</source>
        <translation>Exam number</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="65"/>
        <source>採用区分</source>
        <translation>Hiring selection</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="65"/>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="67"/>
        <source>所属（受験時）</source>
        <translation>Unit (when sitting)</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="67"/>
        <source>区分</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="68"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="69"/>
        <source>得点率</source>
        <translation>Score %</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="69"/>
        <source>合否</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="69"/>
        <source>受験日時</source>
        <translation>Sat at</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="69"/>
        <source>回数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="77"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="77"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="89"/>
        <source>{0} 人。見出しをクリックすると並べ替えます。この一覧の表示と保存は、監査ログに記録されます。</source>
        <translation>{0} people. Click a heading to sort. Viewing and saving this list are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="99"/>
        <source>受験者一覧の保存先</source>
        <translation>Save the candidate list to</translation>
    </message>
    <message>
        <location filename="../hr/candidates_view.py" line="106"/>
        <source>個人結果票の保存先</source>
        <translation>Save the result sheets to</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="71"/>
        <source>記号</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="71"/>
        <location filename="../trainer/answers.py" line="73"/>
        <location filename="../trainer/answers.py" line="117"/>
        <source>選択肢</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="71"/>
        <source>正解</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="72"/>
        <source>重み%</source>
        <translation>Weight %</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="72"/>
        <source>フィードバック</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="75"/>
        <source>任意: Moodle と同じ得点の割合（-100〜100）。空欄なら標準の部分点の規則で採点します。</source>
        <translation>Optional: the share of the points, as in Moodle (-100 to 100). If blank, the standard partial-credit rule applies.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="77"/>
        <source>任意: この選択肢を選んだ人に、解答の確認で示す説明</source>
        <translation>Optional: an explanation shown in the answer review to those who chose this option</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="81"/>
        <source>部分点あり（正しい選択ごとに加点・誤りで減点）</source>
        <translation>Partial credit (points for each correct choice, deductions for each wrong one)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="82"/>
        <source>全て正しいときのみ得点</source>
        <translation>Points only if all are correct</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="83"/>
        <source>採点方法</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="118"/>
        <source>選択肢「{0}」の文が空です。</source>
        <translation>Option &quot;{0}&quot; has no text.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="122"/>
        <source>正解の選択肢に印を付けてください。</source>
        <translation>Tick the correct options.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="124"/>
        <source>単一選択では、正解の選択肢 1 つだけに印を付けてください。</source>
        <translation>For single choice, tick exactly one correct option.</translation>
    </message>
</context>
<context>
    <name>ExamineeController</name>
    <message>
        <location filename="../examinee/controller.py" line="148"/>
        <source>データベースを準備しています…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="148"/>
        <source>問題を読み込んでいます…</source>
        <translation>Loading the items…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="153"/>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="228"/>
        <source>{0} — ICTリテラシー確認</source>
        <translation>{0} — ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="303"/>
        <source>提出を受け付け、このパソコンに記録しました。サーバーにつながりしだい、残りの解答を送ってから提出します。アプリを閉じた場合は、次にログインしたときに提出されます。</source>
        <translation>Your submission is accepted and recorded on this PC. As soon as the server can be reached, the remaining answers are sent and then the attempt is submitted. If the app is closed, it is submitted the next time you log in.</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="306"/>
        <source>解答を保存しています。保存が終わると提出します…</source>
        <translation>Saving your answers. They will be submitted as soon as they are saved…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="321"/>
        <source>提出を受け付け、このパソコンに記録しました。サーバーにつながりしだい提出します。アプリを閉じた場合は、次にログインしたときに提出されます。</source>
        <translation>Your submission is accepted and recorded on this PC. It is submitted as soon as the server can be reached. If the app is closed, it is submitted the next time you log in.</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="358"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
</context>
<context>
    <name>HrController</name>
    <message>
        <location filename="../hr/controller.py" line="80"/>
        <source>このアカウントには人事の画面を開く権限がありません。</source>
        <translation>This account may not open the HR screen.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="104"/>
        <location filename="../hr/controller.py" line="121"/>
        <source>集計しています…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="110"/>
        <source>市全体</source>
        <translation>the whole city</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="111"/>
        <source>{0}・{1} の集計を表示しています。</source>
        <translation>Showing the summary of {0} for {1}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="141"/>
        <source>受験状況を集計しています…</source>
        <translation>Calculating progress…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="149"/>
        <source>受験状況（{0} 現在。表示中は 30 秒ごとに更新します）</source>
        <translation>Progress as of {0} (updated every 30 seconds while shown)</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="158"/>
        <source>受験者一覧を読み込んでいます…</source>
        <translation>Loading the candidate list…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="173"/>
        <source>受験者一覧を保存しています…</source>
        <translation>Saving the candidate list…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="177"/>
        <source>{0} 人の受験者一覧を {1} に保存しました。</source>
        <translation>Saved the list of {0} candidates to {1}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="189"/>
        <source>個人結果票を作っています…</source>
        <translation>Making the result sheets…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="193"/>
        <source>{0} 人分の個人結果票を {1} に保存しました。</source>
        <translation>Saved the result sheets of {0} people to {1}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="209"/>
        <source>職員番号 {0} の変更を保存しました。</source>
        <translation>Saved the change to staff number {0}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="254"/>
        <source>試験 {0} を開きました（{1} 〜 {2}）。</source>
        <translation>Opened assessment {0} ({1} to {2}).</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="274"/>
        <source>監査ログを読み込んでいます…</source>
        <translation>Loading the audit log…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="287"/>
        <source>監査ログを保存しています…</source>
        <translation>Saving the audit log…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="291"/>
        <source>監査ログ {0} 行を {1} に保存しました。</source>
        <translation>Saved {0} audit rows to {1}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="309"/>
        <source>試験 {0} の終了を {1} から変更しました。</source>
        <translation>Changed the end of assessment {0} (was {1}).</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="322"/>
        <source>受験票を発行しています…</source>
        <translation>Issuing seat slips…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="332"/>
        <source>受験票 {0} 人分を保存しました: {1}</source>
        <translation>Saved seat slips for {0} people: {1}</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="129"/>
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>HrPage</name>
    <message>
        <location filename="../hr/page.py" line="72"/>
        <location filename="../hr/page.py" line="264"/>
        <source>人事の画面</source>
        <translation>HR</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="76"/>
        <location filename="../hr/page.py" line="118"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="78"/>
        <location filename="../hr/page.py" line="118"/>
        <source>試験</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="81"/>
        <location filename="../hr/page.py" line="118"/>
        <source>所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="86"/>
        <source>表示する最小の人数</source>
        <translation>Smallest group shown</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="87"/>
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="88"/>
        <source>{0} で保存</source>
        <translation>Save as {0}</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="89"/>
        <source>受験状況を更新</source>
        <translation>Refresh progress</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="90"/>
        <source>受験票（個人コード）を発行…</source>
        <translation>Issue seat slips (personal codes)…</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="91"/>
        <source>選んだ試験の対象者全員に個人コードを発行し、受験票を PDF に保存します。以前に発行したコードは使えなくなります。</source>
        <translation>Issues a personal code to everyone the chosen assessment is for and saves the seat slips as a PDF. Codes issued before stop working.</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="93"/>
        <source>締め切る・延長…</source>
        <translation>Close or extend…</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="94"/>
        <source>選んだ試験を今すぐ締め切るか、終了日時を変更します（監査ログに記録）。</source>
        <translation>Close the chosen assessment now or change its end (recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="97"/>
        <source>ログアウト</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="98"/>
        <source>名簿を取り込む…</source>
        <translation>Import the roster…</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="99"/>
        <source>試験を開く…</source>
        <translation>Open an assessment…</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="106"/>
        <source>報告書のプレビュー</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="125"/>
        <source>この人数未満の集団は表示しない</source>
        <translation>Hide groups smaller than</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="152"/>
        <location filename="../hr/page.py" line="264"/>
        <source>結果報告</source>
        <translation>Results report</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="153"/>
        <source>受験状況</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="154"/>
        <source>受験者一覧</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="155"/>
        <source>監査ログ</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="156"/>
        <source>職員</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="157"/>
        <source>採用試験</source>
        <translation>Hiring selection</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="193"/>
        <source>この年度のすべての試験</source>
        <translation>All assessments this fiscal year</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="199"/>
        <source>市全体</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="220"/>
        <source>試験を選ぶと、その受験状況を所属ごとに表示します。</source>
        <translation>Choose an assessment to see its progress by department.</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="221"/>
        <source>試験を選ぶと、その受験者を氏名と結果で一覧にします。この一覧の表示と保存は、監査ログに記録されます。</source>
        <translation>Choose an assessment to list its candidates by name with their results. Viewing and saving this list are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="236"/>
        <source>保存先</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="242"/>
        <source>受験票の発行</source>
        <translation>Issue seat slips</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="243"/>
        <source>この試験の対象者全員に新しい個人コードを発行します。以前に発行したコードは使えなくなり、以後は受験票のコードで開始・再開します。発行しますか？</source>
        <translation>A new personal code will be issued to everyone this assessment is for. Codes issued before stop working, and from now on examinees start and resume with the code on their slip. Issue them?</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="247"/>
        <source>受験票の保存先</source>
        <translation>Save seat slips as</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <location filename="../examinee/instructions.py" line="24"/>
        <source>アクセスコード</source>
        <translation>Access code</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="28"/>
        <location filename="../examinee/instructions.py" line="73"/>
        <source>アクセスコード（試験監督者から配られたもの）</source>
        <translation>Access code (given to you by the proctor)</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="33"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="34"/>
        <location filename="../examinee/instructions.py" line="35"/>
        <location filename="../examinee/instructions.py" line="76"/>
        <source>試験を始める</source>
        <translation>Start the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="54"/>
        <source>問題数 {0} 問 ・ 制限時間 {1} 分</source>
        <translation>Items: {0} ・ Time limit: {1} min</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="57"/>
        <source>・解答は選んだり入力したりした時点で自動的に保存されます。保存ボタンはありません。</source>
        <translation>・Your answers are saved automatically as soon as you choose or type them. There is no save button.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="58"/>
        <source>・パソコンが止まったりアプリが終了したりしても、もう一度ログインすれば同じ問題から続けられます。それまでの解答は失われません。</source>
        <translation>・If the computer stops or the app closes, log in again to continue from the same item. Your answers so far are not lost.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="60"/>
        <source>・制限時間は試験を始めた時刻から数えます。アプリを閉じている間も時間は進みます。受験期限を過ぎると、その時点で終了します。</source>
        <translation>・The time limit counts from when you start the assessment. The clock keeps running while the app is closed. If the deadline passes, the assessment ends at that moment.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="62"/>
        <source>・時間になると、その時点までの解答で自動的に提出されます。</source>
        <translation>・When time is up, your answers so far are submitted automatically.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="63"/>
        <source>・見直したい問題には「あとで見直す」の印を付けられます。最後に見直し画面で確認してから提出します。</source>
        <translation>・Use “Flag for review” to mark items you want to come back to. At the end, you check them on the review screen and then submit.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="64"/>
        <source>・キーボード: 数字キーで選択肢を選び、PageDown（または →）で次へ、PageUp（または ←）で前へ進みます。入力欄の中では PageDown／PageUp を使ってください。Ctrl+F で見直しの印、Ctrl+Enter で見直し画面。Ctrl+＋／Ctrl+− で文字の大きさを変えられます。</source>
        <translation>・Keyboard: number keys choose an option; PageDown (or →) goes to the next item, PageUp (or ←) to the previous one. In an input box, use PageDown / PageUp. Ctrl+F sets the review flag, Ctrl+Enter opens the review screen. Ctrl++ / Ctrl+− change the text size.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="72"/>
        <source>受験票のコード</source>
        <translation>Code on your seat slip</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="76"/>
        <source>続きから再開する</source>
        <translation>Resume the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="84"/>
        <source>アクセスコードを入力してください。</source>
        <translation>Enter the access code.</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../trainer/editor.py" line="80"/>
        <source>試行問題（採点しない）</source>
        <translation>Pilot item (not scored)</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="85"/>
        <source>図を選ぶ…</source>
        <translation>Choose figure…</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="86"/>
        <source>事例を編集…</source>
        <translation>Edit case…</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="87"/>
        <source>新しい事例…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="122"/>
        <source>見直した人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="124"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="126"/>
        <location filename="../trainer/editor.py" line="139"/>
        <source>事例</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="127"/>
        <source>図</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="136"/>
        <source>問題ID</source>
        <translation>Item ID</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="136"/>
        <source>形式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="137"/>
        <source>領域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="137"/>
        <location filename="../trainer/editor.py" line="313"/>
        <source>小領域</source>
        <translation>Sub-competence</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="138"/>
        <source>水準（1〜4）</source>
        <translation>Level (1–4)</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="138"/>
        <source>対象</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="139"/>
        <location filename="../trainer/editor.py" line="314"/>
        <source>問題文</source>
        <translation>Item text</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="140"/>
        <source>図（問題バンクのフォルダからの相対パス・任意）</source>
        <translation>Figure (path relative to the question bank folder, optional)</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="141"/>
        <source>選択肢と正解</source>
        <translation>Options and answer key</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="142"/>
        <source>配点</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="142"/>
        <location filename="../trainer/editor.py" line="315"/>
        <source>解説</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="143"/>
        <location filename="../trainer/editor.py" line="321"/>
        <source>スキル標準（DSS）</source>
        <translation>Digital Skill Standards (DSS)</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="144"/>
        <source>ITパスポート分野</source>
        <translation>IT Passport field</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="145"/>
        <location filename="../trainer/editor.py" line="322"/>
        <source>DigComp</source>
        <translation>DigComp</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="145"/>
        <source>見直した日</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="146"/>
        <source>出典</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="213"/>
        <source>（なし）</source>
        <translation>(None)</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="318"/>
        <source>{0}を書いてください。</source>
        <translation>Please fill in {0}.</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="320"/>
        <source>対象を 1 つ以上選んでください。</source>
        <translation>Choose at least one audience.</translation>
    </message>
    <message>
        <location filename="../trainer/editor.py" line="325"/>
        <source>{0}を書いてください（枠組みの対応。例: DSS「How/留意点/セキュリティ」、DigComp「4.1」）。</source>
        <translation>Please fill in {0} (the framework mapping, e.g. DSS &quot;How/...&quot;, DigComp &quot;4.1&quot;).</translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <location filename="../widgets/items.py" line="110"/>
        <source>この形式の問題はこの画面では表示できません。</source>
        <translation>This type of item cannot be shown on this screen.</translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="114"/>
        <source>解答を取り消す</source>
        <translation>Clear answer</translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="138"/>
        <source>問題の図</source>
        <translation>Item figure</translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="140"/>
        <source>（この問題の図を表示できません。係の人に知らせてください。）</source>
        <translation>(The figure for this item cannot be shown. Please tell the staff in charge.)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../examinee/login.py" line="29"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="30"/>
        <source>職員番号（採用試験を受ける方は受験番号）を入力して「次へ」を押してください。</source>
        <translation>Enter your staff number (applicants: your exam number) and press Next.</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="33"/>
        <location filename="../examinee/login.py" line="62"/>
        <source>職員番号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="34"/>
        <source>例: 001234</source>
        <translation>e.g. 001234</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="36"/>
        <location filename="../examinee/login.py" line="37"/>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="40"/>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="44"/>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="50"/>
        <location filename="../examinee/login.py" line="70"/>
        <source>表示言語</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="51"/>
        <location filename="../examinee/login.py" line="52"/>
        <source>職員ログイン（人事・研修）</source>
        <translation>Staff login (HR and training)</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="57"/>
        <source>体験モードを終える</source>
        <translation>Leave try-out mode</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="95"/>
        <source>問題を準備しています…</source>
        <translation>Preparing the items…</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="101"/>
        <source>体験モード（練習用のデータベースです。本番のデータには何も残りません）</source>
        <translation>Try-out mode (a practice database: nothing is kept in the real data)</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="102"/>
        <source>受験してみる: 職員番号 {0} を入力して「次へ」</source>
        <translation>To sit a test: enter staff number {0} and press Next</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="103"/>
        <source>人事の画面を見る: 「職員ログイン（人事・研修）」でユーザー名 {0}、パスワード {1}</source>
        <translation>To see the HR window: Staff login (HR, training) with user name {0}, password {1}</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="112"/>
        <source>職員番号（または受験番号）を入力してください。</source>
        <translation>Enter your staff number (or exam number).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="34"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="102"/>
        <source>試験を中断しますか</source>
        <translation>Leave the assessment?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="104"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>試験に戻る</source>
        <translation>Back to the assessment</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>ここまでの解答はすべて保存済みです。</source>
        <translation>All your answers so far are saved. </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124"/>
        <source>{0} 件の解答はこのパソコンに保存済みで、まだ送信されていません。このパソコンで受験を再開すると送信されます。</source>
        <translation>{0} answers are saved on this PC but not sent yet; they are sent when you resume on this PC. </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>{0} 件の解答はまだ保存されていません。いま閉じると、その解答は失われます。</source>
        <translation>{0} answers are not saved yet; closing now loses them. </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>アプリを閉じても制限時間は進みます。閉じてよいですか？</source>
        <translation>The time limit keeps running while the app is closed. Close it?</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../trainer/dialogs.py" line="89"/>
        <source>カテゴリと領域の対応</source>
        <translation>Categories and areas</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="91"/>
        <source>新しい問題バンクのID</source>
        <translation>ID of the new question bank</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="93"/>
        <source>取り込むファイルのカテゴリ</source>
        <translation>Category in the imported file</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="93"/>
        <source>領域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="100"/>
        <source>（選んでください）</source>
        <translation>(Select one)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="111"/>
        <source>問題バンクのID</source>
        <translation>Question bank ID</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="113"/>
        <source>取り込んだ問題はすべて「下書き」になります。内容・水準・対象を確かめてから承認してください。</source>
        <translation>All imported items become “Draft”. Check their content, level and audience before approving them.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="126"/>
        <source>問題バンクのIDは英数字で始め、英数字・-・_ だけで書いてください。</source>
        <translation>The bank ID must start with a letter or digit and use only letters, digits, - and _.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="128"/>
        <source>「{0}.yaml」はもうあります。別のIDにしてください。</source>
        <translation>&quot;{0}.yaml&quot; already exists. Choose another ID.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="130"/>
        <source>すべてのカテゴリに領域を選んでください。</source>
        <translation>Choose an area for every category.</translation>
    </message>
</context>
<context>
    <name>MatchingAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="218"/>
        <location filename="../trainer/answers.py" line="222"/>
        <source>記号</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="218"/>
        <location filename="../trainer/answers.py" line="261"/>
        <source>前提</source>
        <translation>Premise</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="219"/>
        <source>正しい選択肢</source>
        <translation>Correct option</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="220"/>
        <source>組合せの前提</source>
        <translation>Matching premises</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="222"/>
        <location filename="../trainer/answers.py" line="261"/>
        <source>選択肢</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="222"/>
        <source>組合せの選択肢</source>
        <translation>Matching options</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="223"/>
        <source>組ごとに部分点</source>
        <translation>Partial credit per pair</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="224"/>
        <source>全て正しいときのみ得点</source>
        <translation>Points only if all are correct</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="225"/>
        <source>採点方法</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="228"/>
        <source>前提と、その正しい選択肢</source>
        <translation>Premises and their correct options</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="230"/>
        <source>選択肢（前提より多くてもよい）</source>
        <translation>Options (there may be more than premises)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="265"/>
        <source>前提「{0}」の文が空です。</source>
        <translation>Premise &quot;{0}&quot; has no text.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="267"/>
        <source>前提「{0}」の正しい選択肢の記号を書いてください。</source>
        <translation>Write the ID of the correct option for premise &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="269"/>
        <source>前提「{0}」の正解「{1}」は選択肢の記号にありません。</source>
        <translation>The answer &quot;{1}&quot; for premise &quot;{0}&quot; is not an option ID.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="270"/>
        <source>選択肢「{0}」の文が空です。</source>
        <translation>Option &quot;{0}&quot; has no text.</translation>
    </message>
</context>
<context>
    <name>MatchingEditor</name>
    <message>
        <location filename="../widgets/items_arrange.py" line="185"/>
        <source>組み合わせ {number}: {text}</source>
        <translation>Match {number}: {text}</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="186"/>
        <source>（選んでください）</source>
        <translation>(Select one)</translation>
    </message>
</context>
<context>
    <name>MultipleEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="218"/>
        <source>当てはまるものをすべて選んでください</source>
        <translation>Select all that apply</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../examinee/navigator.py" line="35"/>
        <source>問 {0} へ移動</source>
        <translation>Go to item {0}</translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="48"/>
        <source>解答済み</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="48"/>
        <source>未解答</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="50"/>
        <source>見直し印あり</source>
        <translation>Flagged for review</translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="52"/>
        <source>表示中</source>
        <translation>Current item</translation>
    </message>
</context>
<context>
    <name>NumericAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="281"/>
        <location filename="../trainer/answers.py" line="290"/>
        <source>正解の数値</source>
        <translation>Correct value</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="285"/>
        <source>許容する誤差</source>
        <translation>Tolerance</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="287"/>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="291"/>
        <source>許容する誤差（±）</source>
        <translation>Tolerance (±)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="292"/>
        <source>単位（任意）</source>
        <translation>Unit (optional)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="322"/>
        <source>正解の数値を書いてください。</source>
        <translation>Write the correct number.</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="326"/>
        <source>正解は数値で書いてください（「{0}」）。</source>
        <translation>The answer must be a number (&quot;{0}&quot;).</translation>
    </message>
</context>
<context>
    <name>NumericEditor</name>
    <message>
        <location filename="../widgets/items_text.py" line="107"/>
        <source>解答欄（単位: {unit}）</source>
        <translation>Answer (unit: {unit})</translation>
    </message>
    <message>
        <location filename="../widgets/items_text.py" line="110"/>
        <source>数字で入力してください（全角・半角どちらでも構いません）</source>
        <translation>Enter a number (full-width or half-width digits are both fine)</translation>
    </message>
</context>
<context>
    <name>OpenWindowDialog</name>
    <message>
        <location filename="../hr/open_dialog.py" line="64"/>
        <source>試験を開く</source>
        <translation>Open an assessment</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="68"/>
        <location filename="../hr/open_dialog.py" line="111"/>
        <source>出題設計</source>
        <translation>Blueprint</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="70"/>
        <location filename="../hr/open_dialog.py" line="112"/>
        <source>試験の名前</source>
        <translation>Assessment name</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="74"/>
        <location filename="../hr/open_dialog.py" line="121"/>
        <source>アクセスコード</source>
        <translation>Access code</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="78"/>
        <location filename="../hr/open_dialog.py" line="115"/>
        <source>受験できる回数</source>
        <translation>Attempts allowed</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="80"/>
        <source>空欄なら全所属（例: 総務局, 市民局/区政部）</source>
        <translation>Empty for every unit; several unit paths separated by commas</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="81"/>
        <location filename="../hr/open_dialog.py" line="118"/>
        <source>対象の所属</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="83"/>
        <location filename="../hr/open_dialog.py" line="116"/>
        <source>対象</source>
        <translation>Who may sit it</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="84"/>
        <source>職員</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="86"/>
        <location filename="../hr/open_dialog.py" line="117"/>
        <source>対象の区分</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="87"/>
        <source>出題設計の区分</source>
        <translation>The blueprint&apos;s group</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="90"/>
        <source>すべての区分</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="92"/>
        <source>空欄なら名簿の全員（1 行に 1 つの職員番号、CSV または Excel）</source>
        <translation>Empty: everyone on the roster (one staff number per line, CSV or Excel)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="93"/>
        <source>対象者の名簿ファイル</source>
        <translation>List of people</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="94"/>
        <location filename="../hr/open_dialog.py" line="102"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="96"/>
        <source>本人確認の方法</source>
        <translation>How examinees prove who they are</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="97"/>
        <source>会場で共通のアクセスコードを入力</source>
        <translation>One access code for the room</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="98"/>
        <source>一人ずつの個人コード（受験票を印刷）</source>
        <translation>A personal code each (print seat slips)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="99"/>
        <source>コードなし（この PC の単独利用のみ）</source>
        <translation>No code (this single PC only)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="101"/>
        <location filename="../hr/open_dialog.py" line="122"/>
        <location filename="../hr/open_dialog.py" line="165"/>
        <source>受験票の保存先</source>
        <translation>Save seat slips to</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="103"/>
        <source>日時は日本時間です。コードを付けない試験は、LAN の試験サーバーでは受験できません（この PC の単独利用でのみ受験できます）。</source>
        <translation>Dates and times are Japan time. An assessment without a code cannot be sat through the LAN exam server (only in single-PC use).</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="107"/>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="109"/>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="113"/>
        <source>開始（日本時間）</source>
        <translation>Opens (Japan time)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="114"/>
        <source>終了（日本時間）</source>
        <translation>Closes (Japan time)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="119"/>
        <location filename="../hr/open_dialog.py" line="159"/>
        <source>対象者の名簿</source>
        <translation>List of people</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="120"/>
        <source>本人確認</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="145"/>
        <source>採用試験: {0}（{1} 人）</source>
        <translation>Hiring selection: {0} ({1} people)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="160"/>
        <source>名簿 (*.txt *.csv *.xlsx)</source>
        <translation>Lists (*.txt *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="173"/>
        <source>{0}（{1}・{2} 問・{3} 分）</source>
        <translation>{0} ({1}, {2} items, {3} min)</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="187"/>
        <source>出題設計を選んでください。</source>
        <translation>Choose a blueprint.</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="189"/>
        <source>終了は開始より後にしてください。</source>
        <translation>The end must be after the start.</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="191"/>
        <source>アクセスコードを入力してください（受験者に会場で伝えるコードです）。</source>
        <translation>Enter the access code (the code announced in the room).</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="193"/>
        <source>受験票（PDF）の保存先を選んでください。</source>
        <translation>Choose where to save the seat slips (PDF).</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="227"/>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
</context>
<context>
    <name>OrderingAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="172"/>
        <source>記号</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="172"/>
        <source>手順（正しい順に並べる）</source>
        <translation>Step (listed in the correct order)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="173"/>
        <source>並べ替えの選択肢</source>
        <translation>Entries to put in order</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="174"/>
        <source>隣り合う組ごとに部分点</source>
        <translation>Partial credit per adjacent pair</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="175"/>
        <source>全て正しいときのみ得点</source>
        <translation>Points only if all are correct</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="176"/>
        <source>採点方法</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="207"/>
        <source>手順</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="208"/>
        <source>手順「{0}」の文が空です。</source>
        <translation>Step &quot;{0}&quot; has no text.</translation>
    </message>
</context>
<context>
    <name>OrderingEditor</name>
    <message>
        <location filename="../widgets/items_arrange.py" line="81"/>
        <source>項目を選んで「上へ」「下へ」で正しい順番に並べ替えてください（Alt＋↑・Alt＋↓ でも動かせます）。</source>
        <translation>Select an entry and use “Up” and “Down” to put the entries in the correct order (Alt+↑ and Alt+↓ also move it).</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="84"/>
        <source>並べ替える項目</source>
        <translation>Entries to put in order</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="90"/>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="90"/>
        <source>選んだ項目を上へ移動</source>
        <translation>Move the selected entry up</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="91"/>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="91"/>
        <source>選んだ項目を下へ移動</source>
        <translation>Move the selected entry down</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="98"/>
        <source>この順番で解答する</source>
        <translation>Answer in this order</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="149"/>
        <source>この順番で解答しています。</source>
        <translation>This order is your answer.</translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="150"/>
        <source>まだ解答していません。並べ替えるか、このままでよければ「この順番で解答する」を押してください。</source>
        <translation>Not answered yet. Reorder the entries, or if this order is right, press “Answer in this order”.</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../hr/people_view.py" line="37"/>
        <source>職員番号・氏名の先頭、または所属の一部</source>
        <translation>Start of a staff number or name, or part of a unit</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="38"/>
        <source>職員を探す</source>
        <translation>Find staff</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="39"/>
        <source>探す</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="40"/>
        <source>職員を探して選ぶと、氏名・所属・区分を直したり、退職・転出として無効にしたりできます（変更は監査ログに記録されます）。</source>
        <translation>Find and choose a person to correct the name, unit or group, or to deactivate them as having left (changes are recorded in the audit log).</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="43"/>
        <source>職員番号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="43"/>
        <location filename="../hr/people_view.py" line="52"/>
        <location filename="../hr/people_view.py" line="67"/>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="43"/>
        <location filename="../hr/people_view.py" line="54"/>
        <location filename="../hr/people_view.py" line="68"/>
        <source>所属</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="43"/>
        <location filename="../hr/people_view.py" line="56"/>
        <location filename="../hr/people_view.py" line="69"/>
        <source>区分</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="44"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="50"/>
        <source>職員の一覧</source>
        <translation>Staff list</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="59"/>
        <source>変更を保存</source>
        <translation>Save the change</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="60"/>
        <location filename="../hr/people_view.py" line="118"/>
        <source>無効にする（退職・転出）</source>
        <translation>Deactivate (left)</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="96"/>
        <source>在籍</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="96"/>
        <source>無効</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="101"/>
        <source>{0} 人のうち {1} 人を表示しています。</source>
        <translation>Showing {1} of {0} people.</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="102"/>
        <source>見つかりませんでした。</source>
        <translation>Nobody found.</translation>
    </message>
    <message>
        <location filename="../hr/people_view.py" line="118"/>
        <source>在籍に戻す</source>
        <translation>Make active again</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../hr/progress_view.py" line="19"/>
        <source>試験を選ぶと、その受験状況を所属ごとに表示します。</source>
        <translation>Choose an assessment to see its progress by department.</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="22"/>
        <source>所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="22"/>
        <source>対象者</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="22"/>
        <source>未受験</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="23"/>
        <source>受験中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="23"/>
        <source>修了</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="23"/>
        <source>修了率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="28"/>
        <source>所属別の受験状況</source>
        <translation>Progress by department</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="44"/>
        <location filename="../hr/progress_view.py" line="45"/>
        <location filename="../hr/progress_view.py" line="49"/>
        <source>対象者全体</source>
        <translation>All eligible staff</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="48"/>
        <source>その他（少人数）</source>
        <translation>Others (small units)</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="49"/>
        <source>{0} のその他（少人数）</source>
        <translation>Others (small units) of {0}</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="52"/>
        <source>（一部）</source>
        <translation> (part)</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="68"/>
        <source>人数のみを表示します（氏名は表示しません）。どの数字も {0} 人以上のまとまりの合計です。</source>
        <translation>Counts only (no names). Every figure is a sum over blocks of at least {0} people.</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="71"/>
        <source>{0} 人未満の所属は、上位の所属の「その他（少人数）」にまとめています（「—」の行）。</source>
        <translation>Units with fewer than {0} people are counted in the Others (small units) row of a unit above (rows with —).</translation>
    </message>
    <message>
        <location filename="../hr/progress_view.py" line="74"/>
        <source>（一部）: この所属の一部の人は上位の「その他（少人数）」に含まれ、この行には入っていません。</source>
        <translation>(part): some people of this unit are counted in an Others (small units) row above, not in this row.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../examinee/result.py" line="47"/>
        <location filename="../examinee/result.py" line="48"/>
        <source>終了してログイン画面へ</source>
        <translation>Finish and return to login</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="65"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="67"/>
        <source>制限時間になったため、その時点までの解答で提出されました。</source>
        <translation>The time limit was reached, so your answers up to that point were submitted.</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="68"/>
        <source>得点 {0:g} / {1:g}（{2:.0f}%）</source>
        <translation>Score {0:g} / {1:g} ({2:.0f}%)</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="71"/>
        <source>合格基準を満たしています</source>
        <translation>You met the pass mark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="71"/>
        <source>合格基準に達していません</source>
        <translation>You did not reach the pass mark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="75"/>
        <source>領域別の得点率</source>
        <translation>Score by area</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="75"/>
        <source>あなたの得点率</source>
        <translation>Your score</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="75"/>
        <source>基準</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="78"/>
        <source>次に学ぶとよい領域</source>
        <translation>Areas to study next</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="80"/>
        <source>すべての領域で基準を上回っています。引き続き新しい情報に触れてください。</source>
        <translation>You are above the benchmark in every area. Keep up with new developments.</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="87"/>
        <location filename="../examinee/result.py" line="111"/>
        <source>解答と解説</source>
        <translation>Answers and explanations</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="99"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation>Item {0}: {1}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="101"/>
        <source>あなたの解答: {0}</source>
        <translation>Your answer: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="102"/>
        <source>正解: {0}</source>
        <translation>Correct answer: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="103"/>
        <source>あなたの解答について: {0}</source>
        <translation>About your answer: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="104"/>
        <source>解説: {0}</source>
        <translation>Explanation: {0}</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <location filename="../hr/retention_box.py" line="21"/>
        <source>個人データの保存期間（管理者）</source>
        <translation>Retention of personal data (administrators)</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="25"/>
        <source> 年度</source>
        <translation> fiscal years</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="26"/>
        <source>保存する年度の数</source>
        <translation>Fiscal years to keep</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="27"/>
        <source>保存期間を設定</source>
        <translation>Set the period</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="28"/>
        <source>対象を確認</source>
        <translation>Check who is due</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="29"/>
        <source>仮名化を実行…</source>
        <translation>Pseudonymise…</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="31"/>
        <source>退職・転出した人の氏名と職員番号を、保存期間を過ぎたら仮名に置き換えます（結果と統計は残ります）。「対象を確認」で現在の設定を表示します。</source>
        <translation>After the period, the names and staff numbers of people who left are replaced by pseudonyms (results and figures stay). Check who is due shows the current setting.</translation>
    </message>
</context>
<context>
    <name>RetentionPresenter</name>
    <message>
        <location filename="../hr/retention_box.py" line="56"/>
        <source>仮名化の実行</source>
        <translation>Pseudonymise</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="57"/>
        <source>確認した人の氏名と職員番号を仮名に置き換えます。元に戻せません。実行しますか？</source>
        <translation>The names and staff numbers of the people shown are replaced by pseudonyms. This cannot be undone. Go ahead?</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="59"/>
        <source>実行する</source>
        <translation>Go ahead</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="60"/>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="72"/>
        <source>保存期間はまだ設定されていません。年度の数を選んで「保存期間を設定」を押してください。</source>
        <translation>No retention period is set yet. Choose the number of fiscal years and press Set the period.</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="78"/>
        <source>保存期間: {0} 年度。{1} 年度より前に退職・転出し、その後受験していない {2} 人が仮名化の対象です（まだ何も変えていません）。</source>
        <translation>Retention: {0} fiscal years. {2} people who left before fiscal year {1} and sat nothing since are due (nothing changed yet).</translation>
    </message>
    <message>
        <location filename="../hr/retention_box.py" line="83"/>
        <source>{0} 人を仮名化しました（監査ログに記録しました）。</source>
        <translation>Pseudonymised {0} people (recorded in the audit log).</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../examinee/review.py" line="21"/>
        <source>見直し</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="24"/>
        <source>未解答と見直し印の問題</source>
        <translation>Unanswered and flagged items</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="25"/>
        <source>問題を選んで Enter キーかダブルクリックで、その問題に戻ります。</source>
        <translation>Select an item and press Enter, or double-click it, to go back to it.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="28"/>
        <source>試験に戻る</source>
        <translation>Back to the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="29"/>
        <location filename="../examinee/review.py" line="30"/>
        <source>提出する</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="64"/>
        <source>全 {0} 問のうち、未解答 {1} 問、見直し印 {2} 問です。</source>
        <translation>Of {0} items: {1} unanswered, {2} flagged for review.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="69"/>
        <source>未解答</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="69"/>
        <source>見直し印</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="70"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation>Item {0}: {1}</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="76"/>
        <source>すべての問題に解答しています。</source>
        <translation>You have answered every item.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="83"/>
        <source>提出すると、解答は変更できなくなります。提出しますか？</source>
        <translation>Once you submit, you can no longer change your answers. Submit now?</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="85"/>
        <source>未解答の問題が {0} 問あります。</source>
        <translation>Unanswered items: {0}.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="86"/>
        <source>提出の確認</source>
        <translation>Confirm submission</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="88"/>
        <source>提出する(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="89"/>
        <source>戻る(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../hr/roster_dialog.py" line="35"/>
        <source>名簿の取り込み</source>
        <translation>Roster import</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="38"/>
        <location filename="../hr/roster_dialog.py" line="73"/>
        <source>名簿のファイル</source>
        <translation>Roster file</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="39"/>
        <source>ファイルを選ぶ…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="40"/>
        <source>この名簿は全職員分です（載っていない人を無効にする: 退職・転出など）</source>
        <translation>This roster lists all staff (deactivate people missing from it: retired, left)</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="41"/>
        <source>内容を確認する</source>
        <translation>Check the contents</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="42"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="44"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="45"/>
        <source>CSV（UTF-8 または Shift_JIS）か Excel の名簿を選び、「内容を確認する」を押してください。確認の段階では何も保存しません。</source>
        <translation>Choose a roster as CSV (UTF-8 or Shift_JIS) or Excel and press Check the contents. Checking stores nothing.</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="49"/>
        <source>確認の結果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="84"/>
        <source>名簿のファイルを選んでください。</source>
        <translation>Choose the roster file.</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="86"/>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="92"/>
        <source>取り込んでいます…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="104"/>
        <source>取り込むと: 新規 {0} 人、更新 {1} 人、変更なし {2} 人</source>
        <translation>Importing would add {0}, update {1} and leave {2} unchanged</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="107"/>
        <source>名簿にないため無効にする人: {0} 人（結果は残り、新しい試験には表示されなくなります）</source>
        <translation>People to deactivate as they are missing from the roster: {0} (their results stay; new windows no longer list them)</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="111"/>
        <source>誤りが {0} 件あるため取り込めません。ファイルを直して、もう一度確認してください。</source>
        <translation>{0} problems: the file cannot be imported. Correct it and check again.</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="114"/>
        <source>ほかにも {0} 件の誤りがあります（最初の {1} 件だけを表示しています）</source>
        <translation>and {0} more problems (only the first {1} are listed)</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="120"/>
        <source>確認しました（まだ保存していません）。よければ「取り込む」を押してください。</source>
        <translation>Checked (nothing stored yet). If this is right, press Import.</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="121"/>
        <source>誤りがあります。何も保存していません。</source>
        <translation>There are problems. Nothing was stored.</translation>
    </message>
    <message>
        <location filename="../hr/roster_dialog.py" line="125"/>
        <source>取り込みました: 新規 {0} 人、更新 {1} 人、変更なし {2} 人、無効にした人 {3} 人</source>
        <translation>Imported: {0} added, {1} updated, {2} unchanged, {3} deactivated</translation>
    </message>
</context>
<context>
    <name>RowsTable</name>
    <message>
        <location filename="../trainer/rows.py" line="52"/>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="53"/>
        <source>行を削除</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="54"/>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="55"/>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="99"/>
        <source>{0}に記号が空の行があります。</source>
        <translation>A row of {0} has no ID.</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="102"/>
        <source>{0}の記号「{1}」が重複しています。記号は行ごとに変えてください。</source>
        <translation>{0}: the ID &quot;{1}&quot; is used more than once. Give each row its own ID.</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="109"/>
        <source>{0} 行目の「{1}」は数値で書いてください（「{2}」）。</source>
        <translation>Row {0}: &quot;{1}&quot; must be a number (&quot;{2}&quot;).</translation>
    </message>
    <message>
        <location filename="../trainer/rows.py" line="140"/>
        <source>（選ぶ）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <location filename="../trainer/dialogs.py" line="229"/>
        <source>事例の編集</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="229"/>
        <source>新しい事例</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="241"/>
        <source>事例ID（英数字）</source>
        <translation>Case ID (letters and digits)</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="242"/>
        <source>題名</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="243"/>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="260"/>
        <source>事例ID「{0}」はもう使われています。</source>
        <translation>The case ID “{0}” is already in use.</translation>
    </message>
    <message>
        <location filename="../trainer/dialogs.py" line="265"/>
        <source>事例IDは英数字で始め、題名と本文を書いてください。</source>
        <translation>Start the case ID with a letter or digit, and fill in the title and text.</translation>
    </message>
</context>
<context>
    <name>SelectionsPresenter</name>
    <message>
        <location filename="../hr/selections_view.py" line="169"/>
        <source>受験者名簿のファイルと採用区分の記号を入力してください。</source>
        <translation>Enter the applicant list file and the selection code.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="174"/>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="175"/>
        <source>誤りが {0} 件あるため取り込めません。ファイルを直して、もう一度確認してください。</source>
        <translation>Not imported: the file has {0} problems. Correct it and check again.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="179"/>
        <source>追加 {0} 人、氏名の変更 {1} 人、変更なし {2} 人</source>
        <translation>{0} new, {1} renamed, {2} unchanged</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="182"/>
        <source>確認しました（まだ保存していません）: {0}。よろしければ「取り込む」を押してください。</source>
        <translation>Checked (nothing stored yet): {0}. Press Import to store it.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="186"/>
        <source>採用区分「{0}」に取り込みました: {1}。</source>
        <translation>Imported into selection {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="196"/>
        <source>採用区分「{0}」の受験者 {1} 人と受験 {2} 件（解答を含む）を削除します。元に戻せません。よろしければ「削除する」を押してください。</source>
        <translation>This deletes the {1} applicants of selection {0} and their {2} attempts with all answers. It cannot be undone. Press Delete to do it.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="201"/>
        <source>採用区分「{0}」の受験者 {1} 人と受験 {2} 件を削除しました（監査ログに記録しました）。</source>
        <translation>Deleted the {1} applicants of selection {0} and {2} attempts (recorded in the audit log).</translation>
    </message>
</context>
<context>
    <name>SelectionsView</name>
    <message>
        <location filename="../hr/selections_view.py" line="42"/>
        <source>採用試験の受験者は職員とは別に、採用区分ごとに受験番号で管理します。職員の集計には含まれません。</source>
        <translation>Applicants of the hiring selection are kept apart from staff, per selection and by exam number. They are never part of staff reports.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="45"/>
        <source>記号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="45"/>
        <source>採用区分</source>
        <translation>Hiring selection</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="45"/>
        <source>受験者</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="46"/>
        <source>受験済み</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="46"/>
        <location filename="../hr/selections_view.py" line="67"/>
        <source>保存期限</source>
        <translation>Kept until</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="46"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="51"/>
        <source>採用区分の一覧</source>
        <translation>Hiring selections</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="53"/>
        <source>受験者名簿のファイル</source>
        <translation>Applicant list file</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="54"/>
        <source>受験番号と氏名の列がある CSV または Excel</source>
        <translation>CSV or Excel with exam number and name columns</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="55"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="57"/>
        <location filename="../hr/selections_view.py" line="85"/>
        <source>採用区分の記号</source>
        <translation>Selection code</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="58"/>
        <source>例: R9-GYOSEI</source>
        <translation>e.g. R9-GYOSEI</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="61"/>
        <location filename="../hr/selections_view.py" line="86"/>
        <source>採用区分の名前</source>
        <translation>Selection title</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="62"/>
        <source>例: 令和9年度 一般行政（大卒程度）</source>
        <translation>e.g. FY2027 general administration</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="70"/>
        <source>確認</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="71"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="73"/>
        <source>選んだ採用区分の削除を確認…</source>
        <translation>Check deleting the chosen selection…</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="74"/>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="78"/>
        <source>確認の結果</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="84"/>
        <location filename="../hr/selections_view.py" line="129"/>
        <source>受験者名簿</source>
        <translation>Applicant list</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="87"/>
        <source>保存期限（この日の後に削除）</source>
        <translation>Keep until (deleted after this day)</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="123"/>
        <source>削除する採用区分を一覧で選んでください。</source>
        <translation>Choose the selection to delete in the list.</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="130"/>
        <source>名簿 (*.csv *.xlsx)</source>
        <translation>Lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="137"/>
        <source>{0} に {1} 人を削除済み</source>
        <translation>{1} deleted on {0}</translation>
    </message>
    <message>
        <location filename="../hr/selections_view.py" line="139"/>
        <source>保存中</source>
        <translation>Kept</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../setup_page.py" line="25"/>
        <source>初期設定</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="27"/>
        <source>このアプリにはまだ職員のアカウントがありません。はじめに管理者のアカウントを作成してください。まず操作を試したいときは「体験モード」を選ぶと、練習用のデータで実際に受験できます（本番のデータには何も残りません）。</source>
        <translation>This app has no staff account yet. First create the administrator&apos;s account. To try the app first, choose Try-out mode: you sit a real test on practice data (nothing is kept in the real data).</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="31"/>
        <location filename="../setup_page.py" line="57"/>
        <source>管理者のユーザー名</source>
        <translation>Administrator&apos;s user name</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="34"/>
        <source>表示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="38"/>
        <location filename="../setup_page.py" line="59"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="41"/>
        <location filename="../setup_page.py" line="60"/>
        <source>パスワード（確認）</source>
        <translation>Password (again)</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="42"/>
        <source>パスワードは {0} 文字以上にしてください。長い文（例: 好きな言葉を 3 つ並べる）が覚えやすく安全です。</source>
        <translation>Use at least {0} characters. A long phrase (for example three words you like) is easy to remember and safe.</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="44"/>
        <source>管理者を作成する</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="46"/>
        <source>体験モードで試す(&amp;T)</source>
        <translation>&amp;Try-out mode</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="49"/>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="53"/>
        <source>ログイン画面へ</source>
        <translation>To the login</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="58"/>
        <source>表示名（任意）</source>
        <translation>Display name (optional)</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="90"/>
        <source>管理者のユーザー名を入力してください。</source>
        <translation>Enter the administrator&apos;s user name.</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="93"/>
        <source>パスワードが短すぎます（{0} 文字以上）。</source>
        <translation>The password is too short (at least {0} characters).</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="96"/>
        <source>確認のパスワードが一致しません。もう一度入力してください。</source>
        <translation>The two passwords differ. Please enter it again.</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="100"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="105"/>
        <source>体験用のデータを準備しています…</source>
        <translation>Preparing the practice data…</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="127"/>
        <source>管理者「{0}」を作成しました。</source>
        <translation>The administrator &quot;{0}&quot; has been created.</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="129"/>
        <source>次の手順:</source>
        <translation>Next steps:</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="130"/>
        <source>1. 人事担当・研修担当のアカウントを作ります: literacy-app user add &lt;名前&gt; --role hr（または trainer）</source>
        <translation>1. Create accounts for HR and trainers: literacy-app user add &lt;name&gt; --role hr (or trainer)</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="132"/>
        <source>2. 職員の名簿（CSV または Excel）を取り込みます: literacy-app roster import &lt;ファイル&gt;（--dry-run で先に確認できます）</source>
        <translation>2. Import the staff roster (CSV or Excel): literacy-app roster import &lt;file&gt; (check it first with --dry-run)</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="134"/>
        <source>3. 試験を公開します: literacy-app assessment open recruit-standard（出題設計の名前を間違えると、使える名前が表示されます）</source>
        <translation>3. Open an assessment: literacy-app assessment open recruit-standard (a wrong blueprint name lists the valid ones)</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="136"/>
        <source>4. 結果は「職員ログイン（人事・研修）」から人事の画面で確認し、報告書を作ります。</source>
        <translation>4. See the results and build reports in the HR window, through Staff login (HR, training).</translation>
    </message>
    <message>
        <location filename="../setup_page.py" line="137"/>
        <source>詳しくは README と docs/ の説明を読んでください。</source>
        <translation>For details, read the README and the documents in docs/.</translation>
    </message>
</context>
<context>
    <name>ShortTextAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="336"/>
        <source>正解とする答え（1 行に 1 つ）</source>
        <translation>Accepted answers (one per line)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="340"/>
        <source>正解とする答え（1 行に 1 つ。全角・半角、大文字・小文字、空白の違いは区別しません）</source>
        <translation>Accepted answers (one per line; differences in full-width/half-width, upper/lower case and spaces are ignored)</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="356"/>
        <source>正解とする答えを 1 つ以上書いてください。</source>
        <translation>Write at least one accepted answer.</translation>
    </message>
</context>
<context>
    <name>StaffLoginDialog</name>
    <message>
        <location filename="../hr/login_dialog.py" line="13"/>
        <source>職員ログイン</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <location filename="../hr/login_dialog.py" line="16"/>
        <location filename="../hr/login_dialog.py" line="26"/>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../hr/login_dialog.py" line="19"/>
        <location filename="../hr/login_dialog.py" line="27"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../hr/login_dialog.py" line="22"/>
        <source>ログイン</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../hr/login_dialog.py" line="23"/>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../hr/login_dialog.py" line="29"/>
        <source>人事担当者のアカウントでログインしてください。</source>
        <translation>Log in with an HR account.</translation>
    </message>
</context>
<context>
    <name>TrainerController</name>
    <message>
        <location filename="../trainer/controller.py" line="111"/>
        <source>問題バンクのフォルダ: {0}</source>
        <translation>Question bank folder: {0}</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="129"/>
        <source>{0} 問を表示（全 {1} 問）</source>
        <translation>Showing {0} of {1} items</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="194"/>
        <source>未保存の変更があります（{0} ファイル）</source>
        <translation>Unsaved changes (files: {0})</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="222"/>
        <source>新しい問題</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="222"/>
        <source>問題の形式</source>
        <translation>Item type</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="288"/>
        <source>編集中の問題の選択肢に直すところがあります。直してから保存してください。</source>
        <translation>The options of the item being edited need correcting. Correct them, then save.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="299"/>
        <source>問題があるため保存していません。直してから保存してください。</source>
        <translation>Not saved: there are problems. Fix them, then save.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="302"/>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="304"/>
        <source>保存しました。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="315"/>
        <source>公開</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="316"/>
        <source>未保存の変更があります。保存してから公開してください。</source>
        <translation>There are unsaved changes. Save them before publishing.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="322"/>
        <source>公開しています…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="326"/>
        <source>公開しました: 新規 {0}・変更 {1}・変更なし {2}・廃止 {3}</source>
        <translation>Published: new {0} ・ changed {1} ・ unchanged {2} ・ retired {3}</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="341"/>
        <source>第 {0} 版&#x3000;{1:%Y-%m-%d %H:%M}&#x3000;{2}</source>
        <translation>Version {0} ・ {1:%Y-%m-%d %H:%M} ・ {2}</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="346"/>
        <source>まだ公開されていません。</source>
        <translation>Not published yet.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="353"/>
        <source>（最初の版）</source>
        <translation>(First version)</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="365"/>
        <source>見直し待ち（{0}）</source>
        <translation>Review queue ({0})</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="386"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="387"/>
        <source>未保存の変更があります。保存してから書き出してください。</source>
        <translation>There are unsaved changes. Save them before exporting.</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="407"/>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../trainer/controller.py" line="407"/>
        <source>保存していない変更があります。保存しますか？</source>
        <translation>You have unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../trainer/listing.py" line="29"/>
        <source>すべての問題</source>
        <translation>All items</translation>
    </message>
</context>
<context>
    <name>TrainerLabels</name>
    <message>
        <location filename="../trainer/labels.py" line="12"/>
        <source>単一選択</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="13"/>
        <source>複数選択</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="14"/>
        <source>正誤</source>
        <translation>True/false</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="15"/>
        <source>並べ替え</source>
        <translation>Ordering</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="16"/>
        <source>組合せ</source>
        <translation>Matching</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="17"/>
        <source>数値</source>
        <translation>Numeric</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="18"/>
        <source>短答</source>
        <translation>Short answer</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="19"/>
        <source>下書き</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="20"/>
        <source>承認済み</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="21"/>
        <source>廃止</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="22"/>
        <source>ストラテジ</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="23"/>
        <source>マネジメント</source>
        <translation>Management</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="24"/>
        <source>テクノロジ</source>
        <translation>Technology</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="25"/>
        <source>問題ID</source>
        <translation>Item ID</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="25"/>
        <source>領域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="26"/>
        <source>形式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="26"/>
        <source>水準</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="27"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="27"/>
        <source>見直し日</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="28"/>
        <source>問題文</source>
        <translation>Item text</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="29"/>
        <source>見直し期限切れ</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="30"/>
        <source>識別力が負</source>
        <translation>Negative discrimination</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="31"/>
        <source>易しすぎる</source>
        <translation>Too easy</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="32"/>
        <source>難しすぎる</source>
        <translation>Too hard</translation>
    </message>
    <message>
        <location filename="../trainer/labels.py" line="33"/>
        <source>ほとんど選ばれない誤答</source>
        <translation>Distractor almost never chosen</translation>
    </message>
</context>
<context>
    <name>TrainerPage</name>
    <message>
        <location filename="../trainer/page.py" line="45"/>
        <source>問題バンクの編集（研修担当）</source>
        <translation>Question bank editor (training)</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="46"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="48"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="49"/>
        <source>やり直す</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="50"/>
        <source>新しい問題</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="51"/>
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="52"/>
        <source>編集中の問題を、新しいIDの下書きとして複製します</source>
        <translation>Copy the item being edited as a draft with a new ID</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="53"/>
        <source>見直し済みにする</source>
        <translation>Mark as reviewed</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="54"/>
        <source>公開…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="55"/>
        <source>取り込み…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="57"/>
        <source>Moodle の GIFT・Moodle XML ファイルから問題を取り込みます（すべて下書き）</source>
        <translation>Import items from a Moodle GIFT or Moodle XML file (all as drafts)</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="58"/>
        <source>書き出し…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="59"/>
        <source>一覧に表示中の問題を GIFT・Moodle XML・QTI 2.1 で書き出します</source>
        <translation>Export the listed items as GIFT, Moodle XML or QTI 2.1</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="60"/>
        <source>ログアウト</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="64"/>
        <source>問題バンク</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="64"/>
        <source>問題数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="65"/>
        <source>問題バンク・領域・小領域</source>
        <translation>Question banks, areas and sub-competences</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="72"/>
        <source>問題文・選択肢・解説・小領域・IDを検索</source>
        <translation>Search stems, options, explanations, sub-competences and IDs</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="73"/>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="75"/>
        <source>形式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="76"/>
        <source>水準</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="76"/>
        <source>水準 {0}</source>
        <translation>Level {0}</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="77"/>
        <source>対象</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="79"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="80"/>
        <source>見直し期限切れ</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="81"/>
        <source>統計で要確認</source>
        <translation>Flagged by statistics</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="89"/>
        <source>問題の一覧</source>
        <translation>Item list</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="94"/>
        <source>問題ID</source>
        <translation>Item ID</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="94"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="94"/>
        <source>詳細</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="94"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="99"/>
        <source>見直し待ちの問題</source>
        <translation>Items awaiting review</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="100"/>
        <source>見直しの間隔を過ぎた問題と、受験結果の統計で確認が必要な問題です。行をダブルクリックすると編集できます。</source>
        <translation>Items past their review interval, and items that the results statistics say need checking. Double-click a row to edit the item.</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="102"/>
        <source>見直し待ちを更新</source>
        <translation>Refresh review queue</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="110"/>
        <source> か月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="111"/>
        <location filename="../trainer/page.py" line="147"/>
        <source>見直しの間隔</source>
        <translation>Review interval</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="118"/>
        <source>公開された版</source>
        <translation>Published versions</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="122"/>
        <source>前の版との違い</source>
        <translation>Changes from the previous version</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="155"/>
        <source>問題一覧</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="156"/>
        <source>見直し待ち</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="159"/>
        <source>受験者の画面と同じ表示です（選択肢の順序は受験時に入れ替わります）。</source>
        <translation>Shown as examinees see it (the options are shuffled in the assessment).</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="167"/>
        <source>編集</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="168"/>
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="169"/>
        <source>版の履歴</source>
        <translation>Version history</translation>
    </message>
    <message>
        <location filename="../trainer/page.py" line="188"/>
        <source>{0}: すべて</source>
        <translation>{0}: All</translation>
    </message>
</context>
<context>
    <name>TrueFalseAnswers</name>
    <message>
        <location filename="../trainer/answers.py" line="133"/>
        <source>正しい</source>
        <translation>True</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="134"/>
        <source>誤り</source>
        <translation>False</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="137"/>
        <source>「正しい」と答えた人へのフィードバック</source>
        <translation>Feedback for those who answer “True”</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="138"/>
        <source>「誤り」と答えた人へのフィードバック</source>
        <translation>Feedback for those who answer “False”</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="141"/>
        <source>正解</source>
        <translation>Correct answer</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="143"/>
        <source>「正しい」へのフィードバック</source>
        <translation>Feedback on “True”</translation>
    </message>
    <message>
        <location filename="../trainer/answers.py" line="144"/>
        <source>「誤り」へのフィードバック</source>
        <translation>Feedback on “False”</translation>
    </message>
</context>
<context>
    <name>TrueFalseEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="210"/>
        <source>○ 正しい</source>
        <translation>○ True</translation>
    </message>
    <message>
        <location filename="../widgets/items_choice.py" line="211"/>
        <source>× 誤り</source>
        <translation>× False</translation>
    </message>
</context>
<context>
    <name>WindowEndDialog</name>
    <message>
        <location filename="../hr/open_dialog.py" line="245"/>
        <source>試験の終了</source>
        <translation>End of the assessment</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="247"/>
        <source>{0}: 終了 {1}（日本時間）。受験中の人は、開始時に決まった制限時間まで受験を続けられます。</source>
        <translation>{0}: ends {1} (Japan time). People sitting it keep the time limit they got at their start.</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="250"/>
        <source>新しい終了日時</source>
        <translation>New end</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="253"/>
        <source>終了日時を変更</source>
        <translation>Change the end</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="254"/>
        <source>今すぐ締め切る</source>
        <translation>Close now</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="255"/>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../hr/open_dialog.py" line="258"/>
        <source>新しい終了（日本時間）</source>
        <translation>New end (Japan time)</translation>
    </message>
</context>
<context>
    <name>_ChoiceEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="141"/>
        <source>選択肢 {number}: {text}</source>
        <translation>Option {number}: {text}</translation>
    </message>
</context>
<context>
    <name>_TextEditor</name>
    <message>
        <location filename="../widgets/items_text.py" line="43"/>
        <source>解答欄</source>
        <translation>Answer</translation>
    </message>
</context>
</TS>
