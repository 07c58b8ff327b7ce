<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../examinee/attempt.py" line="247"/>
        <source>保存を再試行しています（解答はこのパソコンに保持されています）</source>
        <translation>Retrying the save (your answers are kept on this computer)</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="250"/>
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="253"/>
        <source>✓ 保存済み</source>
        <translation>✓ Saved</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="264"/>
        <source>残り {0}:{1:02d}</source>
        <translation>Time left {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="268"/>
        <source>残り {0} 分です。</source>
        <translation>{0} min left.</translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="279"/>
        <source>時間になりました。ここまでの解答で提出しています…</source>
        <translation>Time is up. Submitting your answers so far…</translation>
    </message>
</context>
<context>
    <name>ExamineeController</name>
    <message>
        <location filename="../examinee/controller.py" line="112"/>
        <source>データベースを準備しています…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="112"/>
        <source>問題を読み込んでいます…</source>
        <translation>Loading the items…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="117"/>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="182"/>
        <source>{0} — ICTリテラシー確認</source>
        <translation>{0} — ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="220"/>
        <source>解答を保存しています。保存が終わると提出します…</source>
        <translation>Saving your answers. They will be submitted as soon as they are saved…</translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="260"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
</context>
<context>
    <name>HrController</name>
    <message>
        <location filename="../hr/controller.py" line="54"/>
        <source>このアカウントには人事の画面を開く権限がありません。</source>
        <translation>This account may not open the HR screen.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="70"/>
        <location filename="../hr/controller.py" line="85"/>
        <source>集計しています…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="76"/>
        <source>{0} の集計を表示しています。</source>
        <translation>Showing the figures for {0}.</translation>
    </message>
    <message>
        <location filename="../hr/controller.py" line="93"/>
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>HrPage</name>
    <message>
        <location filename="../hr/page.py" line="37"/>
        <source>結果報告（人事）</source>
        <translation>Results report (HR)</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="41"/>
        <location filename="../hr/page.py" line="58"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="45"/>
        <source>表示する最小の人数</source>
        <translation>Smallest group shown</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="46"/>
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="47"/>
        <source>{0} で保存</source>
        <translation>Save as {0}</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="48"/>
        <source>ログアウト</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="55"/>
        <source>報告書のプレビュー</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="60"/>
        <source>この人数未満の集団は表示しない</source>
        <translation>Hide groups smaller than</translation>
    </message>
    <message>
        <location filename="../hr/page.py" line="86"/>
        <source>保存先</source>
        <translation>Save to</translation>
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
        <source>アクセスコード（試験監督者から配られたもの）</source>
        <translation>Access code (given to you by the proctor)</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="31"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="32"/>
        <location filename="../examinee/instructions.py" line="33"/>
        <location filename="../examinee/instructions.py" line="71"/>
        <source>試験を始める</source>
        <translation>Start the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="52"/>
        <source>問題数 {0} 問 ・ 制限時間 {1} 分</source>
        <translation>Items: {0} ・ Time limit: {1} min</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="55"/>
        <source>・解答は選んだり入力したりした時点で自動的に保存されます。保存ボタンはありません。</source>
        <translation>・Your answers are saved automatically as soon as you choose or type them. There is no save button.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="56"/>
        <source>・パソコンが止まったりアプリが終了したりしても、もう一度ログインすれば同じ問題から続けられます。それまでの解答は失われません。</source>
        <translation>・If the computer stops or the app closes, log in again to continue from the same item. Your answers so far are not lost.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="58"/>
        <source>・制限時間は試験を始めた時刻から数えます。アプリを閉じている間も時間は進みます。受験期限を過ぎると、その時点で終了します。</source>
        <translation>・The time limit counts from when you start the assessment. The clock keeps running while the app is closed. If the deadline passes, the assessment ends at that moment.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="60"/>
        <source>・時間になると、その時点までの解答で自動的に提出されます。</source>
        <translation>・When time is up, your answers so far are submitted automatically.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="61"/>
        <source>・見直したい問題には「あとで見直す」の印を付けられます。最後に見直し画面で確認してから提出します。</source>
        <translation>・Use “Flag for review” to mark items you want to come back to. At the end, you check them on the review screen and then submit.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="62"/>
        <source>・キーボード: 数字キーで選択肢を選び、PageDown（または →）で次へ、PageUp（または ←）で前へ進みます。入力欄の中では PageDown／PageUp を使ってください。Ctrl+F で見直しの印、Ctrl+Enter で見直し画面。Ctrl+＋／Ctrl+− で文字の大きさを変えられます。</source>
        <translation>・Keyboard: number keys choose an option; PageDown (or →) goes to the next item, PageUp (or ←) to the previous one. In an input box, use PageDown / PageUp. Ctrl+F sets the review flag, Ctrl+Enter opens the review screen. Ctrl++ / Ctrl+− change the text size.</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="71"/>
        <source>続きから再開する</source>
        <translation>Resume the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="79"/>
        <source>アクセスコードを入力してください。</source>
        <translation>Enter the access code.</translation>
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
        <location filename="../examinee/login.py" line="28"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="29"/>
        <source>職員番号を入力して「次へ」を押してください。</source>
        <translation>Enter your staff number and press “Next”.</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="31"/>
        <location filename="../examinee/login.py" line="54"/>
        <source>職員番号</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="32"/>
        <source>例: 001234</source>
        <translation>e.g. 001234</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="34"/>
        <location filename="../examinee/login.py" line="35"/>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="38"/>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="42"/>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="48"/>
        <location filename="../examinee/login.py" line="61"/>
        <source>表示言語</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="49"/>
        <location filename="../examinee/login.py" line="50"/>
        <source>職員ログイン（人事）</source>
        <translation>Staff login (HR)</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="84"/>
        <source>問題を準備しています…</source>
        <translation>Preparing the items…</translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="90"/>
        <source>職員番号を入力してください。</source>
        <translation>Enter your staff number.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="24"/>
        <source>ICTリテラシー確認</source>
        <translation>ICT Literacy Check</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="55"/>
        <source>試験を中断しますか</source>
        <translation>Leave the assessment?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="56"/>
        <source>ここまでの解答は保存されています。アプリを閉じても制限時間は進みます。閉じてよいですか？</source>
        <translation>Your answers so far are saved. The time limit keeps running after you close the app. Close it anyway?</translation>
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
    <name>NumericEditor</name>
    <message>
        <location filename="../widgets/items_text.py" line="103"/>
        <source>解答欄（単位: {unit}）</source>
        <translation>Answer (unit: {unit})</translation>
    </message>
    <message>
        <location filename="../widgets/items_text.py" line="106"/>
        <source>数字で入力してください（全角・半角どちらでも構いません）</source>
        <translation>Enter a number (full-width or half-width digits are both fine)</translation>
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
    <name>ResultPage</name>
    <message>
        <location filename="../examinee/result.py" line="65"/>
        <location filename="../examinee/result.py" line="66"/>
        <source>終了してログイン画面へ</source>
        <translation>Finish and return to login</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="83"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="85"/>
        <source>制限時間になったため、その時点までの解答で提出されました。</source>
        <translation>The time limit was reached, so your answers up to that point were submitted.</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="86"/>
        <source>得点 {0:g} / {1:g}（{2:.0f}%）</source>
        <translation>Score {0:g} / {1:g} ({2:.0f}%)</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="89"/>
        <source>合格基準を満たしています</source>
        <translation>You met the pass mark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="89"/>
        <source>合格基準に達していません</source>
        <translation>You did not reach the pass mark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>領域別の得点率</source>
        <translation>Score by area</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>あなたの得点率</source>
        <translation>Your score</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>基準</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="96"/>
        <source>次に学ぶとよい領域</source>
        <translation>Areas to study next</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="98"/>
        <source>すべての領域で基準を上回っています。引き続き新しい情報に触れてください。</source>
        <translation>You are above the benchmark in every area. Keep up with new developments.</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="105"/>
        <location filename="../examinee/result.py" line="128"/>
        <source>解答と解説</source>
        <translation>Answers and explanations</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="117"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation>Item {0}: {1}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="119"/>
        <source>あなたの解答: {0}</source>
        <translation>Your answer: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="120"/>
        <source>正解: {0}</source>
        <translation>Correct answer: {0}</translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="121"/>
        <source>解説: {0}</source>
        <translation>Explanation: {0}</translation>
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
        <location filename="../examinee/review.py" line="26"/>
        <source>試験に戻る</source>
        <translation>Back to the assessment</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="27"/>
        <location filename="../examinee/review.py" line="28"/>
        <location filename="../examinee/review.py" line="80"/>
        <source>提出する</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="56"/>
        <source>全 {0} 問のうち、未解答 {1} 問、見直し印 {2} 問です。</source>
        <translation>Of {0} items: {1} unanswered, {2} flagged for review.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="61"/>
        <source>未解答</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="61"/>
        <source>見直し印</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="62"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation>Item {0}: {1}</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="68"/>
        <source>すべての問題に解答しています。</source>
        <translation>You have answered every item.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="75"/>
        <source>提出すると、解答は変更できなくなります。提出しますか？</source>
        <translation>Once you submit, you can no longer change your answers. Submit now?</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="77"/>
        <source>未解答の問題が {0} 問あります。</source>
        <translation>Unanswered items: {0}.</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="78"/>
        <source>提出の確認</source>
        <translation>Confirm submission</translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="81"/>
        <source>戻る</source>
        <translation>Back</translation>
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
        <location filename="../widgets/items_text.py" line="39"/>
        <source>解答欄</source>
        <translation>Answer</translation>
    </message>
</context>
</TS>
