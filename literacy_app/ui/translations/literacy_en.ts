<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssessmentListPage</name>
    <message>
        <location filename="../examinee/assessments.py" line="19"/>
        <source>受験できる試験</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="21"/>
        <source>戻る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="22"/>
        <source>ログイン画面に戻る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="41"/>
        <source>職員番号 {0} で受験できる試験です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="57"/>
        <source>問題数 {0} 問 ・ 制限時間 {1} 分 ・ 受験期限 {2} ・ 残り受験回数 {3} 回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="60"/>
        <source>続きから再開</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="60"/>
        <source>受験する</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/assessments.py" line="69"/>
        <source>途中の解答があります。時間は中断中も進んでいます。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptPage</name>
    <message>
        <location filename="../examinee/attempt.py" line="47"/>
        <source>残り時間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="49"/>
        <source>保存の状態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="58"/>
        <source>事例の本文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="62"/>
        <source>← 前へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="63"/>
        <source>あとで見直す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="65"/>
        <source>次へ →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="66"/>
        <location filename="../examinee/attempt.py" line="68"/>
        <source>見直し・提出へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="67"/>
        <source>前の問題へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="67"/>
        <source>あとで見直す印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="68"/>
        <source>次の問題へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="176"/>
        <source>問 {0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="178"/>
        <source>事例: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="221"/>
        <source>保存を再試行しています（解答はこのパソコンに保持されています）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="224"/>
        <source>保存中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="227"/>
        <source>✓ 保存済み</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="238"/>
        <source>残り {0}:{1:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="242"/>
        <source>残り {0} 分です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/attempt.py" line="252"/>
        <source>時間になりました。ここまでの解答で提出しています…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamineeController</name>
    <message>
        <location filename="../examinee/controller.py" line="70"/>
        <source>データベースを準備しています…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="70"/>
        <source>問題を読み込んでいます…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="75"/>
        <source>確認しています…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/controller.py" line="177"/>
        <source>解答を保存しています。保存が終わると提出します…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <location filename="../examinee/instructions.py" line="24"/>
        <source>アクセスコード</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="28"/>
        <source>アクセスコード（試験監督者から配られたもの）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="31"/>
        <source>戻る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="32"/>
        <location filename="../examinee/instructions.py" line="33"/>
        <location filename="../examinee/instructions.py" line="70"/>
        <source>試験を始める</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="52"/>
        <source>問題数 {0} 問 ・ 制限時間 {1} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="55"/>
        <source>・解答は選んだり入力したりした時点で自動的に保存されます。保存ボタンはありません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="56"/>
        <source>・パソコンが止まったりアプリが終了したりしても、もう一度ログインすれば同じ問題から続けられます。それまでの解答は失われません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="58"/>
        <source>・制限時間は試験を始めた時刻から数えます。アプリを閉じている間も時間は進みます。受験期限を過ぎると、その時点で終了します。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="60"/>
        <source>・時間になると、その時点までの解答で自動的に提出されます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="61"/>
        <source>・見直したい問題には「あとで見直す」の印を付けられます。最後に見直し画面で確認してから提出します。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="62"/>
        <source>・キーボード: 数字キーで選択肢、→ で次へ、← で前へ、Ctrl+F で印、Ctrl+Enter で見直し画面。Ctrl+＋／Ctrl+− で文字の大きさを変えられます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="70"/>
        <source>続きから再開する</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/instructions.py" line="76"/>
        <source>アクセスコードを入力してください。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <location filename="../widgets/items.py" line="101"/>
        <source>問題文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="109"/>
        <source>この形式の問題はこの画面では表示できません。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="113"/>
        <source>解答を取り消す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="137"/>
        <source>問題の図</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items.py" line="139"/>
        <source>（この問題の図を表示できません。係の人に知らせてください。）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../examinee/login.py" line="19"/>
        <source>ICTリテラシー確認</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="20"/>
        <source>職員番号を入力して「次へ」を押してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="22"/>
        <location filename="../examinee/login.py" line="42"/>
        <source>職員番号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="23"/>
        <source>例: 001234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="25"/>
        <location filename="../examinee/login.py" line="26"/>
        <source>次へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="29"/>
        <source>お知らせ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="33"/>
        <source>準備中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="39"/>
        <location filename="../examinee/login.py" line="48"/>
        <source>表示言語</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="70"/>
        <source>問題を準備しています…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/login.py" line="75"/>
        <source>職員番号を入力してください。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="23"/>
        <source>ICTリテラシー確認</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="50"/>
        <source>試験を中断しますか</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="51"/>
        <source>ここまでの解答は保存されています。アプリを閉じても制限時間は進みます。閉じてよいですか？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingEditor</name>
    <message>
        <location filename="../widgets/items_arrange.py" line="184"/>
        <source>組み合わせ {number}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="185"/>
        <source>（選んでください）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MultipleEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="215"/>
        <source>当てはまるものをすべて選んでください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../examinee/navigator.py" line="35"/>
        <source>問 {0} へ移動</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="48"/>
        <source>解答済み</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="48"/>
        <source>未解答</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="50"/>
        <source>見直し印あり</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/navigator.py" line="52"/>
        <source>表示中</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumericEditor</name>
    <message>
        <location filename="../widgets/items_text.py" line="102"/>
        <source>解答欄（単位: {unit}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_text.py" line="105"/>
        <source>数字で入力してください（全角・半角どちらでも構いません）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderingEditor</name>
    <message>
        <location filename="../widgets/items_arrange.py" line="80"/>
        <source>項目を選んで「上へ」「下へ」で正しい順番に並べ替えてください（Alt＋↑・Alt＋↓ でも動かせます）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="83"/>
        <source>並べ替える項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="89"/>
        <source>上へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="89"/>
        <source>選んだ項目を上へ移動</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="90"/>
        <source>下へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="90"/>
        <source>選んだ項目を下へ移動</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="97"/>
        <source>この順番で解答する</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="148"/>
        <source>この順番で解答しています。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_arrange.py" line="149"/>
        <source>まだ解答していません。並べ替えるか、このままでよければ「この順番で解答する」を押してください。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../examinee/result.py" line="65"/>
        <location filename="../examinee/result.py" line="66"/>
        <source>終了してログイン画面へ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="83"/>
        <source>結果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="85"/>
        <source>制限時間になったため、その時点までの解答で提出されました。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="86"/>
        <source>得点 {0:g} / {1:g}（{2:.0f}%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="89"/>
        <source>合格基準を満たしています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="89"/>
        <source>合格基準に達していません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>領域別の得点率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>あなたの得点率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="93"/>
        <source>基準</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="96"/>
        <source>次に学ぶとよい領域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="98"/>
        <source>すべての領域で基準を上回っています。引き続き新しい情報に触れてください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="104"/>
        <location filename="../examinee/result.py" line="125"/>
        <source>解答と解説</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="114"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="116"/>
        <source>あなたの解答: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="117"/>
        <source>正解: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/result.py" line="118"/>
        <source>解説: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../examinee/review.py" line="21"/>
        <source>見直し</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="24"/>
        <source>未解答と見直し印の問題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="25"/>
        <source>問題を選んで Enter キーかダブルクリックで、その問題に戻ります。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="26"/>
        <source>試験に戻る</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="27"/>
        <location filename="../examinee/review.py" line="28"/>
        <location filename="../examinee/review.py" line="77"/>
        <source>提出する</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="55"/>
        <source>全 {0} 問のうち、未解答 {1} 問、見直し印 {2} 問です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="60"/>
        <source>未解答</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="60"/>
        <source>見直し印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="61"/>
        <source>問 {0}&#x3000;{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="68"/>
        <source>すべての問題に解答しています。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="72"/>
        <source>提出すると、解答は変更できなくなります。提出しますか？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="74"/>
        <source>未解答の問題が {0} 問あります。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="75"/>
        <source>提出の確認</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../examinee/review.py" line="78"/>
        <source>戻る</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrueFalseEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="207"/>
        <source>○ 正しい</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/items_choice.py" line="208"/>
        <source>× 誤り</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ChoiceEditor</name>
    <message>
        <location filename="../widgets/items_choice.py" line="140"/>
        <source>選択肢 {number}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TextEditor</name>
    <message>
        <location filename="../widgets/items_text.py" line="38"/>
        <source>解答欄</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
