package l10n

// entries are the catalog: each message's English, its key as the code
// writes it, and its Chinese, in the site's script (Traditional, with the
// mainland's words, as the notice has them: 文件, 鏈接, 網址).
var entries = []entry{
	// build: output folders that would put the sources at risk
	{"it is the file system root", "它是文件系統的根目錄"},
	{"it is your home directory", "它是您的主目錄"},
	{"it is the source directory", "它就是源文件夾"},
	{"it contains the source directory", "其中包含源文件夾"},
	{"it is inside the sources' %s/ folder", "它在源文件的 %s/ 文件夾內"},
	// the portal's settings: the notice's facts and links, [publisher]
	{"%q is a name the build ignores as editors' litter: rename the file", "%q 是生成時會當作編輯器臨時文件忽略的名稱：請給文件改名"},
	{"%q: the name becomes part of the file's address: use ASCII letters, digits, \"-\", \"_\" and \".\"", "%q：文件名會成為文件地址的一部分：請只用 ASCII 字母、數字、\"-\"、\"_\" 和 \".\""},
	{"%s %q: %s: expected an absolute http(s) URL such as %q, or \"\"", "%s %q：%s：應為完整的 http(s) 網址，如 %q，或 \"\""},
	{"%s: a line break: expected the value on one line", "%s：含有換行：值應寫在一行內"},
	{"%s: expected url (an address outside the site) or file (a file of the site, under %s/ or assets/)", "%s：應有 url（網站以外的地址）或 file（網站內的文件，在 %s/ 或 assets/ 下）"},
	{"%s: missing key \"title\": the words the link shows", "%s：缺少鍵 \"title\"：鏈接顯示的文字"},
	{"a document (%s)", "文檔（%s）"},
	{"a folder, not a file", "是文件夾，不是文件"},
	{"a line break in the title: expected it on one line", "標題中含有換行：標題應寫在一行內"},
	{"an image (.png, .jpg, .gif, .svg, .webp)", "圖片（.png、.jpg、.gif、.svg、.webp）"},
	{"both url and file: expected one of them", "同時有 url 和 file：只應有其中一個"},
	{"conac_mark %q: %s", "conac_mark %q：%s"},
	{"conac_mark without conac_url: the mark links to the site's certificate page; set both, or neither", "有 conac_mark 而沒有 conac_url：標識鏈接到網站的證書頁面；請兩者都設置，或都不設置"},
	{"conac_url without conac_mark: set the mark's image too, or neither", "有 conac_url 而沒有 conac_mark：請同時設置標識圖片，或都不設置"},
	{"expected \"/\" between folders, not \"\\\"", "文件夾之間應使用 \"/\"，而不是 \"\\\""},
	{"expected %s", "應為%s"},
	{"expected a file of the site's folder, by its path from there, such as %s/name%s", "應為網站文件夾中的文件，寫出從網站文件夾起的路徑，如 %s/name%s"},
	{"file %q: %s", "file %q：%s"},
	{"index %q: expected a 索引號 as the portal gives it: the body's code, \"/\", the year, \"-\" and a number, such as \"000014349/2017-00110\"", "index %q：應為門戶網站給出的索引號：機構代碼、\"/\"、年份、\"-\" 和編號，如 \"000014349/2017-00110\""},
	{"no such file: put it under %s", "沒有這個文件：請把它放在 %s 下"},
	{"not a regular file", "不是普通文件"},
	{"not under %s: expected %s there, named by its path from the site's folder", "不在 %s 下：應為該處的%s，寫出從網站文件夾起的路徑"},
	{"originals: %q: %s", "originals：%q：%s"},
	{"police_reg %q: no record number: expected the number as issued, such as \"粵公網安備 44010402000001號\", whose digits make its link", "police_reg %q：沒有備案編號：應為發給的編號，如 \"粵公網安備 44010402000001號\"，其中的數字用於生成鏈接"},
	{"published: a time without a date: expected a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00", "published：只有時間沒有日期：應為日期，如 2018-07-10，或日期和時間，如 2018-07-10 16:30:00"},
	{"site_code %q: expected the ten letters and digits of the 網站標識碼 as issued, such as \"4401000001\"", "site_code %q：應為發給的十位網站標識碼（字母和數字），如 \"4401000001\""},
	{"url %q: %s: expected an absolute http(s) URL such as \"https://www.gz.gov.cn/…\"", "url %q：%s：應為完整的 http(s) 網址，如 \"https://www.gz.gov.cn/…\""},
	{"validity %q: expected one of %s", "validity %q：應為 %s 之一"},
	// with base_url, QR codes and the page shown at any address
	{"base_url is %d characters long: the address of %s%s would be %d, more than the %d that sitemaps allow and a page's QR code is made for: publish the site at a shorter address", "base_url 長 %d 個字符：%s%s 的地址將長 %d 個字符，超過網站地圖允許、頁面二維碼所能容納的 %d 個：請把網站發佈在較短的地址下"},
	{"loaded from the site's address: a copy on another server (staging) would load it from there; lead it from the site's folder, %s", "從網站地址加載：放在其他服務器（測試環境）上的副本也會從那裡加載；請從網站所在文件夾 %s 引用"},
	{"outside the site's folder on the server, %s", "在服務器上網站所在文件夾 %s 之外"},
	{"a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, %s", "服務器會在任何找不到文件的地址顯示此頁，頁面上的相對路徑會因此失效：在 /measures/xx/yy.html 它指向 /measures/xx/…；請從網站所在文件夾 %s 引用"},
	// diag
	{" (on %d pages, e.g. %s)", "（共 %d 個頁面，如 %s）"},
	{" (on %s)", "（在 %s）"},
	{"%d error(s); the previous site was left as it was", "%d 個錯誤；原有網站保持不變"},
	{"the built site has %d problem(s); the previous site was left as it was", "生成的網站有 %d 個問題；原有網站保持不變"},
	{"%s has %d problem(s); no archive written", "%s 有 %d 個問題；未寫入壓縮包"},
	{"the sources have %d error(s); fix them first: no measure was written", "源文件有 %d 個錯誤；請先改正：未創建新的一項"},
	{"%d error(s): the browser shows them until the sources are fixed", "%d 個錯誤：改正之前，瀏覽器會一直顯示這些錯誤"},
	{"%d error(s). Fix the file and save it: this page reloads by itself.", "%d 個錯誤。改正文件並保存後，本頁會自動刷新。"},
	{"checked %d pages and %d style sheets: %d problem(s)", "已檢查 %d 個頁面和 %d 個樣式表：%d 個問題"},
	// content
	{"file not found", "找不到文件"},
	{"cannot read the folder: %v", "無法讀取文件夾：%v"},
	{"cannot read it: %v", "無法讀取：%v"},
	{"a symbolic link to %s, outside the source folder: not read (copy it into the source folder instead)", "指向源文件夾以外 %s 的符號鏈接：不會讀取（請把文件複製到源文件夾中）"},
	{"image %q: a measure's text is shown on its own page and in the table (measures.html), which are in different folders, so a link relative to one breaks on the other: link to a source file instead (03.md, ../notice.md), or to a full address (https://…)", "圖片 %q：每項的實施內容既顯示在本項頁面上，也顯示在清單頁（measures.html）中，兩者在不同的文件夾，相對於其中一個的鏈接在另一個上會失效：請改為鏈接到源文件（03.md、../notice.md），或使用完整網址（https://…）"},
	{"link %q: a measure's text is shown on its own page and in the table (measures.html), which are in different folders, so a link relative to one breaks on the other: link to a source file instead (03.md, ../notice.md), or to a full address (https://…)", "鏈接 %q：每項的實施內容既顯示在本項頁面上，也顯示在清單頁（measures.html）中，兩者在不同的文件夾，相對於其中一個的鏈接在另一個上會失效：請改為鏈接到源文件（03.md、../notice.md），或使用完整網址（https://…）"},
	{"link %q: no such source: %s (a link to another text names its file, as 03.md or ../notice.md, from the linking file's folder)", "鏈接 %q：沒有這個源文件：%s（鏈接到其他內容時，寫出其文件名，如 03.md 或 ../notice.md，相對於當前文件所在的文件夾）"},
	{"link %q: %s is a draft (draft = true): a published text cannot link to it until it is published too", "鏈接 %q：%s 是草稿（draft = true）：在它發佈之前，已發佈的內容不能鏈接到它"},
	{"link %q: %s has no heading, so no #%s", "鏈接 %q：%s 沒有任何標題，所以沒有 #%s"},
	{"link %q: %s has no heading #%s (its headings: #%s)", "鏈接 %q：%s 沒有標題 #%s（它的標題有：#%s）"},
	{"the text shows nothing: its raw HTML (%s) is not published, as HTML in a text never is, and nothing else is left: write the text in Markdown", "內容顯示為空：其中的 HTML（%s）不會發佈（內容中的 HTML 一律不發佈），除此之外別無內容：請用 Markdown 寫內容"},
	{"the text shows nothing a reader could read: write the text", "內容中沒有讀者能看到的文字：請寫下內容"},
	{"image %q: not a valid address", "圖片 %q：不是有效的地址"},
	{"link %q: not a valid address", "鏈接 %q：不是有效的地址"},
	{"missing key %q (expected %s)", "缺少鍵 %q（應為%s）"},
	{"missing key %q in the front matter (expected %s)", "文件頭（front matter）中缺少鍵 %q（應為%s）"},
	{"%s: expected %s, got %s", "%s：應為%s，實際是%s"},
	{"unknown key %q: expected one of %s", "未知的鍵 %q：應為 %s 之一"},
	{"unknown key %q", "未知的鍵 %q"},
	{"nothing", "空值"},
	{"a float", "小數"},
	{"a boolean", "布爾值"},
	{"a date and time", "日期時間"},
	{"an array", "數組"},
	{"TOML syntax error: %s", "TOML 語法錯誤：%s"},
	{"%s: the value holds control character %U: not allowed in text (only tab and line breaks are)", "%s：值中含有控制字符 %U：文本中不允許出現（只允許製表符和換行）"},
	{"a language tag such as \"zh-Hant\"", "語言標記，如 \"zh-Hant\""},
	{"a URL", "網址"},
	{"a table", "表"},
	{"[[editions]] tables with language, path, label and convert", "含 language、path、label 和 convert 的 [[editions]] 表"},
	{"[[categories]] tables with slug, name and summary", "含 slug、name 和 summary 的 [[categories]] 表"},
	{"[[units]] tables with slug and name", "含 slug 和 name 的 [[units]] 表"},
	{"base_url %q: %s: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\", or \"\"", "base_url %q：%s：應為完整的 http(s) 網址，如 \"https://www.example.gov.cn/nansha/\"，或 \"\""},
	{"language %q: %s: expected a BCP 47 language tag such as \"zh-Hant\"", "language %q：%s：應為 BCP 47 語言標記，如 \"zh-Hant\""},
	{"units: name %q is listed twice", "units：名稱 %q 重複"},
	{"editions: the first edition is the source: expected language = %q, no path and no convert", "editions：第一個版本是源版本：應為 language = %q，且沒有 path 和 convert"},
	{"editions: path %q: expected a folder name of lowercase ASCII letters, digits and hyphens, such as \"zh-hans\"", "editions：path %q：應為由小寫 ASCII 字母、數字和連字符組成的文件夾名，如 \"zh-hans\""},
	{"editions: path %q is used twice", "editions：path %q 重複"},
	{"editions: missing key \"convert\" (an OpenCC conversion from the source, such as \"t2s\")", "editions：缺少鍵 \"convert\"（從源版本轉換的 OpenCC 轉換，如 \"t2s\"）"},
	{"editions: expected a language and a label", "editions：需要 language 和 label"},
	{"editions: language %q: %s: expected a BCP 47 language tag such as \"zh-Hans\"", "editions：language %q：%s：應為 BCP 47 語言標記，如 \"zh-Hans\""},
	{"%s: missing key \"slug\"", "%s：缺少鍵 \"slug\""},
	{"%s: slug %q: expected lowercase ASCII letters, digits and single hyphens (it becomes a file name)", "%s：slug %q：應由小寫 ASCII 字母、數字和單個連字符組成（它會成為文件名）"},
	{"%s: slug %q is used twice", "%s：slug %q 重複"},
	{"%s: missing key %q", "%s：缺少鍵 %q"},
	{"front matter is not closed: expected a line \"+++\" after it", "文件頭（front matter）沒有結束：其後應有一行 \"+++\""},
	{"expected front matter: the file must start with a line \"+++\"", "缺少文件頭（front matter）：文件必須以一行 \"+++\" 開始"},
	{"empty body: expected the text after the closing +++ line", "正文為空：結束的 +++ 行之後應有內容"},
	{"a date such as 2018-07-02", "日期，如 2018-07-02"},
	{"number %d is already used by %s", "序號 %d 已被 %s 使用"},
	{"measure number %d is missing: numbers must run from 1 without gaps (next is %s)", "缺少第 %d 項：序號必須從 1 起連續編排（下一個是 %s）"},
	{"measure %d is a draft, but measure %d after it is published: drafts must be the last measures, so that the published numbers run from 1 without gaps; publish this one too (remove draft = true), or make the later ones drafts", "第 %d 項是草稿，但其後的第 %d 項已發佈：草稿必須排在最後，發佈的序號才能從 1 起連續不斷；請一併發佈本項（刪除 draft = true），或把其後各項也設為草稿"},
	{"a folder, not a file: a measure is a Markdown file", "這是文件夾，不是文件：每項改革創新經驗是一個 Markdown 文件"},
	{"no measures: expected files named like %s/01.md", "沒有任何一項：應有名為 %s/01.md 這樣的文件"},
	{"a string", "字符串"},
	{"an integer", "整數"},
	{"a category slug from %s", " %s 中的分類 slug"},
	{"an array of unit names, such as [\"廣州海關\", \"黃埔海關\"]", "單位名稱的數組，如 [\"廣州海關\", \"黃埔海關\"]"},
	{"a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00", "日期，如 2018-07-10，或日期和時間，如 2018-07-10 16:30:00"},
	{"[[interpretations]] tables with title and url or file", "含 title 及 url 或 file 的 [[interpretations]] 表"},
	{"[[related]] tables with title and url or file", "含 title 及 url 或 file 的 [[related]] 表"},
	{"an array of files, such as [\"content/files/161.pdf\"]", "文件的數組，如 [\"content/files/161.pdf\"]"},
	{"true or false", " true 或 false"},
	{"number %d: expected a positive integer", "序號 %d：應為正整數"},
	{"file %s holds number %d: expected %s, or rename the file to %s", "文件 %s 中的序號是 %d：應為 %s，或把文件改名為 %s"},
	{"file name %s: expected the measure's number, as in %s", "文件名 %s：應為本項的序號，如 %s"},
	{"title is empty", "標題（title）為空"},
	{"scope is empty", "推廣范圍（scope）為空"},
	{"lead_units is empty: expected at least one unit", "牽頭單位（lead_units）為空：至少要有一個單位"},
	{"unknown lead unit %q: add it to [[units]] in %s, or use one of the names there", "未知的牽頭單位 %q：請把它加入 %s 的 [[units]]，或使用其中已有的名稱"},
	{"lead unit %q is listed twice", "牽頭單位 %q 重複"},
	{"the text is still the placeholder of \"microsite new measure\": write the measure's text here, or keep it a draft (draft = true) until it is written", "內容仍是 \"microsite new measure\" 寫下的佔位文字：請在此寫下本項的實施內容，或在寫好之前保持草稿狀態（draft = true）"},
	{"unknown subtag %q", "未知的子標記 %q"},
	{"not a well-formed tag", "不是格式正確的語言標記"},
	{"it holds a space: percent-encode it (%%20) or remove it", "含有空格：請編碼為 %%20 或刪除"},
	{"it holds control character %U", "含有控制字符 %U"},
	{"it holds %q, which an address cannot: percent-encode it or remove it", "含有網址中不能出現的 %q：請百分號編碼或刪除"},
	{"it holds %q: write the host in its ASCII form (xn--…) and percent-encode the path", "含有 %q：請把主機名寫成 ASCII 形式（xn--…），並對路徑作百分號編碼"},
	{"it does not parse: %v", "無法解析：%v"},
	{"it does not start with https:// or http://", "不是以 https:// 或 http:// 開頭"},
	{"expected // after %s:", "%s: 之後應為 //"},
	{"it holds a user name or password (…@): a published address must not", "含有用戶名或密碼（…@）：發佈的網址不能含有這些"},
	{"host %q: expected a host name of ASCII letters, digits, hyphens and dots", "主機名 %q：應由 ASCII 字母、數字、連字符和點組成"},
	{"port %s: expected 1 to 65535", "端口 %s：應在 1 到 65535 之間"},
	{"it has a query (?…): expected the address of the folder the site is published in", "含有查詢參數（?…）：應為網站所在文件夾的地址"},
	{"it has a fragment (#…): expected the address of the folder the site is published in", "含有片段（#…）：應為網站所在文件夾的地址"},
	{"%q: %s: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\"", "%q：%s：應為完整的 http(s) 網址，如 \"https://www.example.gov.cn/nansha/\""},
	{" (and on %d more line(s) of this file)", "（本文件另有 %d 行也有此問題）"},
	{"carriage return (U+000D) without a line feed: save the file with LF or CR LF line ends", "回車符（U+000D）後沒有換行符：請以 LF 或 CR LF 換行保存文件"},
	{"control character %U: not allowed in text (only tab and line breaks are); delete it", "控制字符 %U：文本中不允許出現（只允許製表符和換行）；請刪除"},
	{"character reference %s is control character %U: not allowed in text (only tab and line breaks are); delete it", "字符引用 %s 是控制字符 %U：文本中不允許出現（只允許製表符和換行）；請刪除"},
	{"the file is saved as UTF-16: save it as UTF-8", "文件以 UTF-16 保存：請另存為 UTF-8"},
	{"invalid UTF-8 (byte 0x%02x): save the file as UTF-8", "無效的 UTF-8（字節 0x%02x）：請把文件另存為 UTF-8"},
	// render
	{"page kind %s: %v", "頁面類型 %s：%v"},
	{"asset %s not found in assets/", "assets/ 中找不到資源文件 %s"},
	{"minify: %v", "壓縮：%v"},
	{"minified, the layout no longer parses: %v", "模板壓縮後無法解析：%v"},
	{"UI string %q is not in %s (it has %s)", "%[2]s 中沒有界面文字 %[1]q（其中有 %[3]s）"},
	{"href: cannot link to a %T", "href：不能鏈接到 %T"},
	{"path: no path is named %q (the names are %s)", "path：沒有名為 %q 的路徑（名稱有 %s）"},
	{"render: no layout for page kind %s", "render：頁面類型 %s 沒有模板"},
	{"%q is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in %s", "%q 是 base.html 的共享部分（或在共享部分中運行），每個頁面都按 base.html 的定義顯示：這裡的定義會被忽略；請另取一個名稱，或在 %s 中修改"},
	{"shared: the part must be named by a quoted name, such as {{shared \"footer\" .Chrome}}", "shared：共享部分的名稱必須加引號，如 {{shared \"footer\" .Chrome}}"},
	{"shared part %q is defined in a page kind's layout: shared parts run from base.html, for the pages of every kind: define it in %s", "共享部分 %q 定義在某一頁面類型的模板中：共享部分由 base.html 為所有類型的頁面運行：請在 %s 中定義"},
	{"shared part %q is not defined in %s", "%[2]s 中沒有定義共享部分 %[1]q"},
	{"path %q: the URL scheme has no path of that name (it has %s)", "path %q：網址方案中沒有這個名稱的路徑（有 %s）"},
	{"template %q runs in shared part %q, but %s does not define it: shared parts run from base.html, for the pages of every kind", "模板 %q 在共享部分 %q 中運行，但 %s 沒有定義它：共享部分由 base.html 為所有類型的頁面運行"},
	{"shared part %q: %v", "共享部分 %q：%v"},
	{"shared part %q shows the page's path where html/template escapes it; show it outside shared parts", "共享部分 %q 在 html/template 會轉義的位置顯示頁面路徑；請在共享部分之外顯示"},
	{"the path %q holds %q: a page's path may hold only a-z, 0-9, \"-\", \"_\", \".\" and \"/\", which shared parts show through a placeholder", "路徑 %q 含有 %q：頁面路徑只能含有 a-z、0-9、\"-\"、\"_\"、\".\" 和 \"/\"，共享部分通過佔位符顯示它"},
	{"a page without a path", "頁面沒有路徑"},
	// build
	{"does not parse as %s: %s", "不能按 %s 解析：%s"},
	{"a symbolic link to a folder: not followed (link each file, or copy the folder)", "指向文件夾的符號鏈接：不會跟隨（請逐個鏈接文件，或複製整個文件夾）"},
	{"could not remove the previous site from %s: %v", "未能從 %s 刪除原有網站：%v"},
	{"kept the previous site's folder as %s: %s", "原有網站的文件夾保留為 %s：%s"},
	{"left out %d draft(s), not yet to be published: measure %s (build --drafts keeps them, marked)", "略去了 %d 項未發佈的草稿：第 %s 項（build --drafts 會連同草稿標記一併生成）"},
	{"built %d pages, %d files, %d bytes in %v", "已生成 %d 個頁面、%d 個文件，共 %d 字節，用時 %v"},
	{"%s: a backslash or line break in a file name", "%s：文件名含有反斜線或換行"},
	{"too many levels of symbolic links", "符號鏈接層數過多"},
	{"%s (a link to %s)", "%s（指向 %s 的鏈接）"},
	{"refusing output directory %s: %s", "拒絕使用輸出文件夾 %s：%s"},
	{"refusing output directory %s: it is a file, not a folder", "拒絕使用輸出文件夾 %s：這是一個文件，不是文件夾"},
	{"refusing output directory %s: %v", "拒絕使用輸出文件夾 %s：%v"},
	{"refusing output directory %s: %s; replacing the folder would lose them: move them out of it, or choose another folder", "拒絕使用輸出文件夾 %s：%s；替換這個文件夾會丟失它們：請把它們移出去，或另選一個文件夾"},
	{"the folder %s/ would have the name of %s%s", "文件夾 %s/ 會與 %s 同名%s"},
	{"the folder %s/ already holds %s%s", "文件夾 %s/ 中已有 %s%s"},
	{"it would write %s over %s%s", "會用 %s 覆蓋 %s%s"},
	{"%s would be both a file (%s) and a folder (%s)%s", "%s 會既是文件（%s）又是文件夾（%s）%s"},
	{"the site's own %s", "網站本身的 %s"},
	{"%s (from %s)", "%s（來自 %s）"},
	{"%s (%s, %s)", "%s（%s，%s）"},
	{" on Windows and macOS, which do not tell capital from small letters", "（在不區分大小寫的 Windows 和 macOS 上）"},
	{"choose another number", "請另選一個序號"},
	{"measure %d", "第 %d 項"},
	{"categories: slug %q", "categories：slug %q"},
	{"units: slug %q", "units：slug %q"},
	{"choose another slug", "請另選一個 slug"},
	{"choose another path", "請另選一個 path"},
	{"editions: path %q", "editions：path %q"},
	{"its lines are not as a build writes them", "其中各行不是生成時寫入的格式"},
	{"more than %s", "超過 %s"},
	{"it has no %s, so no build of this program wrote it, and it holds %s: %s", "其中沒有 %s，可見不是本程序生成的，而其中有 %s：%s"},
	{"its %s was not written by this program (%v), and it holds %s: %s", "其中的 %s 不是本程序寫入的（%v），而其中有 %s：%s"},
	{"%s that its %s does not list: %s", "%s 不在其 %s 清單中：%s"},
	{"%s changed since the build (no longer as its %s lists it): %s", "%s 在生成之後被改動過（與其 %s 所記錄的不符）：%s"},
	{"it holds %s", "其中有 %s"},
	{"; and ", "；以及 "},
	{"it holds %s that its %s does not list (%s); look at them, then remove the folder", "其中有 %s 不在其 %s 清單中（%s）；請查看後自行刪除這個文件夾"},
	{"1 file", "1 個文件"},
	{"%d files", "%d 個文件"},
	{"%s and more", "%s 等"},
	{"%s and %d more", "%s 等（另有 %d 個）"},
	{"%s:%d: expected \"<sha256>  <path>\"", "%s:%d：應為 \"<sha256>  <路徑>\""},
	{"the built site fails the check, %d problem(s):\n%s", "生成的網站未通過檢查，有 %d 個問題：\n%s"},
	{"%v; the previous site is in %s", "%v；原有網站在 %s"},
	{"kept %s, which an interrupted build left: %s", "保留了中斷的生成留下的 %s：%s"},
	{"put %s back from %s, where an interrupted build had left it", "已從 %[2]s 恢復 %[1]s（中斷的生成把它留在了那裡）"},
	{"left %s alone: an interrupted build may have left it, but %s; look at it, then remove it yourself", "未動 %s：它可能是中斷的生成留下的，但%s；請查看後自行刪除"},
	{"cannot lock %s", "無法鎖定 %s"},
	{"%d of %d files changed (%d regenerated) in %v", "%d/%d 個文件有改動（重新生成 %d 個），用時 %v"},
	{"refusing output directory %s: a tree needs an empty one", "拒絕使用輸出文件夾 %s：需要一個空文件夾"},
	{"%s: a link to %s: name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it", "%s：指向 %s 的鏈接：壓縮包的名稱只能用 ASCII 字母、數字、'-'、'_' 或 '.'，因為它會成為包內文件夾的名稱"},
	{"%s: the archive cannot be written inside the site it archives (%s)", "%s：壓縮包不能寫在它所打包的網站之內（%s）"},
	{"cannot write the archive %s: the folder %s does not exist", "無法寫入壓縮包 %s：文件夾 %s 不存在"},
	{"%s: the archive cannot replace the sources' %s (%s)", "%s：壓縮包不能替換源文件中的 %s（%s）"},
	{"%s: the archive cannot be written into the sources' %s/ folder (%s)", "%s：壓縮包不能寫入源文件的 %s/ 文件夾（%s）"},
	{"%s is a folder: name the archive's file", "%s 是文件夾：請給出壓縮包的文件名"},
	{"refusing to replace %s: it is not an archive this program wrote; move it away, or choose another name", "拒絕替換 %s：它不是本程序寫的壓縮包；請把它移走，或另選一個名稱"},
	{"cannot package %s: %v", "無法打包 %s：%v"},
	{"cannot package %s: no such folder (build the site first: microsite build)", "無法打包 %s：沒有這個文件夾（請先生成網站：microsite build）"},
	{"cannot package %s: it is a file, not a built site's folder", "無法打包 %s：這是一個文件，不是生成的網站文件夾"},
	{"cannot write the archive %s: %v", "無法寫入壓縮包 %s：%v"},
	{"no %s: not a built site, or built by an older version: rebuild it", "沒有 %s：不是生成的網站，或由舊版本生成：請重新生成"},
	{"%s: not an ASCII name; zip tools disagree on how other names are encoded: rename it", "%s：名稱不是 ASCII；各種 zip 工具對其他名稱的編碼不一致：請改名"},
	{"%s is a folder without a file that %s lists, so it is not part of the site as built: move it out of the site", "%s 是一個沒有任何 %s 所列文件的文件夾，不屬於生成的網站：請把它移出網站"},
	{"%s: not a regular file", "%s：不是普通文件"},
	{"%s is not listed in %s, so it is not part of the site as built: move it out of the site", "%s 不在 %s 中，不屬於生成的網站：請把它移出網站"},
	{"%s is listed in %s but missing: rebuild the site", "%s 列在 %s 中，但不存在：請重新生成網站"},
	{"%s differs from its checksum in %s: rebuild the site", "%s 與 %s 中的校驗和不符：請重新生成網站"},
	{"SOURCE_DATE_EPOCH=%q: expected a number of seconds since 1970", "SOURCE_DATE_EPOCH=%q：應為自 1970 年起的秒數"},
	{"SOURCE_DATE_EPOCH=%s: %s is later than a zip can record (%s)%s", "SOURCE_DATE_EPOCH=%s：%s 晚於 zip 所能記錄的最晚時間（%s）%s"},
	{"%s: name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it", "%s：壓縮包的名稱只能用 ASCII 字母、數字、'-'、'_' 或 '.'，因為它會成為包內文件夾的名稱"},
	// check
	{"empty content: search engines and the portal show it as the page's summary", "content 為空：搜索引擎和門戶網站會把它作為頁面摘要顯示"},
	{"missing: every page needs exactly one <h1>, its main heading", "缺少：每個頁面都需要且只需要一個 <h1>，作為主標題"},
	{"%d of them: every page needs exactly one <h1>, its main heading", "有 %d 個：每個頁面都需要且只需要一個 <h1>，作為主標題"},
	{"sends the reader away from the site: a refresh must name a page of the site", "把讀者帶離本站：refresh 必須指向本站的頁面"},
	{"loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site", "從站外加載：所有腳本、樣式表、圖片、字體和框架都必須是本站的文件"},
	{"a symbolic link to %s, outside the site: a copy or upload of the site would lack the file, or publish another computer's; put the file itself in the site", "指向站外 %s 的符號鏈接：網站的副本或上傳版本會缺少這個文件，或發佈另一台電腦上的文件；請把文件本身放進網站"},
	{"absolute path: breaks when the site is opened from a folder (file://) or published below the server's root", "絕對路徑：從文件夾打開（file://）或發佈在服務器根目錄以下時會失效"},
	{"a bare directory (%s/): from file:// that lists the folder instead of a page; link the file", "文件夾（%s/）：經 file:// 打開時會列出文件夾內容而不是頁面；請鏈接到文件"},
	{"not a valid URL: %v", "不是有效的網址：%v"},
	{"points outside the site", "指向站外"},
	{"no such file: %s", "沒有這個文件：%s"},
	{"no lang attribute: screen readers and search engines need the page's language (lang=\"zh-Hant\")", "缺少 lang 屬性：讀屏軟件和搜索引擎需要知道頁面的語言（lang=\"zh-Hant\"）"},
	{"empty: name the page's language", "為空：請寫明頁面的語言"},
	{"missing: browsers, bookmarks and search results show the page's title", "缺少：瀏覽器、書籤和搜索結果都會顯示頁面標題"},
	{"empty: browsers, bookmarks and search results show the page's title", "為空：瀏覽器、書籤和搜索結果都會顯示頁面標題"},
	{"missing: search engines and the portal show it as the page's summary", "缺少：搜索引擎和門戶網站會把它作為頁面摘要顯示"},
	{"no element with id %q in %s", "%[2]s 中沒有 id 為 %[1]q 的元素"},
	// scaffold
	{"number %d: expected a positive number (the next one is %d)", "序號 %d：應為正數（下一個是 %d）"},
	{"number %d is already used by %s (the next free number is %d)", "序號 %d 已被 %s 使用（下一個可用的序號是 %d）"},
	{"number %d would leave a gap: numbers run from 1 without gaps, and the next one is %d", "序號 %d 會造成缺號：序號從 1 起連續編排，下一個是 %d"},
	{"unknown category %q: expected one of %s (the slugs in %s)", "未知的分類 %q：應為 %s 之一（%s 中的 slug）"},
	{"no lead unit: name at least one", "沒有牽頭單位：至少要寫一個"},
	{"unknown lead unit %q: use a name or slug from [[units]] in %s (%s), or add the unit there first", "未知的牽頭單位 %q：請使用 %s 的 [[units]] 中的名稱或 slug（%s），或先把這個單位加進去"},
	{"lead unit %q is named twice", "牽頭單位 %q 寫了兩次"},
	{"%s is empty", "%s 為空"},
	{"%s %q: expected a single line of text", "%s %q：應為單行文字"},
	{"%s %q: control character %U at character %d: not allowed in text", "%s %q：第 %[4]d 個字符是控制字符 %[3]U：文本中不允許出現"},
	{"text: control character %U at line %d, character %d: not allowed in text (only tab and line breaks are)", "text：第 %[2]d 行第 %[3]d 個字符是控制字符 %[1]U：文本中不允許出現（只允許製表符和換行）"},
	{"text: raw HTML (%s): the site publishes text, never HTML, so it would be left out: write the text in Markdown", "text：含有 HTML（%s）：網站只發佈文字，從不發佈 HTML，它會被略去：請用 Markdown 寫內容"},
	{"%s already exists: measure %d needs that name; rename or remove the file, or choose another number", "%s 已存在：第 %d 項需要這個文件名；請把文件改名或刪除，或另選一個序號"},
	{"%s would not load, so it was not kept:\n%v", "%s 無法載入，沒有保留：\n%v"},
	// serve
	{"Build error · microsite serve", "生成錯誤 · microsite serve"},
	{"The site could not be built", "網站未能生成"},
	{"shutting down", "正在關閉"},
	{"403 Forbidden: microsite serve answers only to this computer's own addresses (http://127.0.0.1:%s/ or http://localhost:%s/), not to Host %q", "403 Forbidden：microsite serve 只回應發給這台電腦自身地址的請求（http://127.0.0.1:%s/ 或 http://localhost:%s/），不回應 Host %q"},
	{"cannot listen on %s (is another server using it? choose another port): %v", "無法監聽 %s（是否有其他服務器在使用？請換一個端口）：%v"},
	{"the site", "網站"},
	{"%s %s: build failed\n", "%s %s：生成失敗\n"},
	{"%s built %d pages, %d files in %v\n", "%s 已生成 %d 個頁面、%d 個文件，用時 %v\n"},
	{"%s watching: %v\n", "%s 監視文件：%v\n"},
	{"method not allowed", "不允許的請求方法"},
	{"no %s in %s: run serve in the site's folder, or name it with --source", "%[2]s 中沒有 %[1]s：請在網站文件夾中運行 serve，或用 --source 指定"},
	// cli
	{"write the site into public/, ready to publish", "生成網站，寫入 public/，可直接發佈"},
	{`Usage: microsite build [--source DIR] [--out DIR] [--zip FILE] [--drafts] [--base-url URL]

Reads site.toml, content/, layouts/ and assets/ and writes the whole site
into a new folder beside the output folder, which replaces it only when
everything succeeded: a failed or killed build leaves the previous site as
it was, and the next build cleans up after a killed one. Prints one line
(pages, files, bytes, time); every error with its file and line.

Draft measures (draft = true in their front matter) are left out, as if
their files were not there, and the build says which; --drafts keeps them,
marked 草稿, for a copy to review (never to publish). They are checked
either way.

A build replaces only what a build wrote. An output folder that holds
anything its SHA256SUMS does not list (an uploads/ folder, a file of your
own), or a file changed since the build (a page edited by hand), is
refused, naming them, and nothing in it is touched. An empty or missing
folder is fine. When the output folder is a link (public -> /var/www/site),
the site replaces the folder it points to and the link stays.

Flags:
  --source DIR     the folder holding site.toml (default ".")
  --out DIR        the output folder (default "public")
  --zip FILE       also write the built site to this zip archive (see
                   "microsite help package"); checked before the build
  --drafts         keep the draft measures, marked (also -D, --buildDrafts)
  --base-url URL   the site's address, instead of site.toml's base_url: the
                   same sources for a staging host and for production (also
                   --baseURL, -b, and MICROSITE_BASE_URL in the environment)
  --lang LANG      the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite build                     # sources in ., site in ./public
  microsite build --out /tmp/site     # write the site elsewhere
  microsite build --source ../site    # build another copy of the sources
  microsite build --zip nansha3.zip   # and an archive of it, for a USB stick
  microsite build --base-url https://staging.example.gov.cn/nansha3/ --out staging
`, `用法：microsite build [--source 文件夾] [--out 文件夾] [--zip 文件] [--drafts] [--base-url 網址]

讀取 site.toml、content/、layouts/ 和 assets/，把整個網站寫入輸出文件夾旁邊
的一個新文件夾，全部成功後才用它替換輸出文件夾：生成失敗或被中斷時，原有網站
保持不變，下次生成會清理中斷留下的文件。完成後輸出一行（頁面數、文件數、字節
數、用時）；每個錯誤都註明文件和行號。

草稿（文件頭中有 draft = true 的各項）不會生成，如同其文件不存在一樣，生成時
會列出略去了哪些；--drafts 會連同「草稿」標記一併生成，供審閱（切勿發佈）。
無論哪種方式，草稿都會經過檢查。

生成只替換生成寫下的內容。輸出文件夾中若有 SHA256SUMS 沒有列出的東西（uploads/
文件夾、您自己的文件），或生成後被改動過的文件（手工修改過的頁面），會被拒絕並
列出，其中的任何東西都不會被動到。空的或不存在的文件夾沒有問題。輸出文件夾是
鏈接時（public -> /var/www/site），網站會替換它指向的文件夾，鏈接保持不變。

選項：
  --source 文件夾  site.toml 所在的文件夾（默認 "."）
  --out 文件夾     輸出文件夾（默認 "public"）
  --zip 文件       同時把生成的網站寫入這個 zip 壓縮包（參閱
                   "microsite help package"）；生成之前就會檢查
  --drafts         保留草稿，並加上標記（也可寫作 -D、--buildDrafts）
  --base-url 網址  網站的地址，代替 site.toml 的 base_url：同一份源文件，
                   分別為測試服務器和正式服務器生成（也可寫作 --baseURL、
                   -b，或設置環境變量 MICROSITE_BASE_URL）
  --lang 語言      提示信息的語言：zh（中文）或 en（英文）

示例：
  microsite build                     # 源文件在 .，網站寫入 ./public
  microsite build --out /tmp/site     # 把網站寫到別處
  microsite build --source ../site    # 生成另一份源文件
  microsite build --zip nansha3.zip   # 同時打包，供 U 盤拷貝
  microsite build --base-url https://staging.example.gov.cn/nansha3/ --out staging
`},
	{"check a built site: links, references, page metadata", "檢查生成的網站：鏈接、引用、頁面元數據"},
	{`Usage: microsite check [DIR]

Reads the built site in DIR (default public) and reports every problem a
reader would meet, one a line, then exits 1 if there was any: a link or
reference (href, xlink:href, src, srcset, CSS url(), in SVG too) to no file,
to a bare folder or to a missing #fragment; anything loaded from outside the
site; a <meta http-equiv="refresh"> to another site; a symbolic link to a
file outside the site; a page without <html lang>, <title>, a meta
description or exactly one <h1>. Links out of the site are allowed and
listed. A folder with no page (no .html file) is an error too. Every build
runs the same check.

Flags:
  --lang LANG  the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite check              # the site in public/
  microsite check /tmp/site    # any built site
`, `用法：microsite check [文件夾]

讀取「文件夾」（默認 public）中生成的網站，逐行列出讀者會遇到的每個問題，有
問題時以狀態 1 退出：鏈接或引用（href、xlink:href、src、srcset、CSS url()，
SVG 中的也算）指向不存在的文件、文件夾或不存在的 #片段；從站外加載的任何東西；
指向其他網站的 <meta http-equiv="refresh">；指向站外文件的符號鏈接；缺少
<html lang>、<title>、meta description 或不是恰好一個 <h1> 的頁面。指向站外的
鏈接是允許的，會列出來。沒有任何頁面（沒有 .html 文件）的文件夾也算錯誤。每次
生成都會做同樣的檢查。

選項：
  --lang 語言  提示信息的語言：zh（中文）或 en（英文）

示例：
  microsite check              # 檢查 public/ 中的網站
  microsite check /tmp/site    # 檢查任意一個生成的網站
`},
	{"microsite check: %s is not a directory (build the site first: microsite build)\n", "microsite check: %s 不是文件夾（請先生成網站：microsite build）\n"},
	{"microsite check: %s holds no pages (no .html file): is it a built site? (build one with: microsite build)\n", "microsite check: %s 中沒有頁面（沒有 .html 文件）：這是生成的網站嗎？（生成網站：microsite build）\n"},
	{"links out of the site (%d):\n", "指向站外的鏈接（%d 個）：\n"},
	{"microsite: flag needs an argument: --%s (run \"microsite help\")\n", "microsite: 選項缺少參數：--%s（運行 \"microsite help\" 查看說明）\n"},
	{"microsite: %v (run \"microsite help\")\n", "microsite: %v（運行 \"microsite help\" 查看說明）\n"},
	{"microsite: unknown flag %q: did you mean --%s? (run \"microsite help\")\n", "microsite: 未知的選項 %q：您是指 --%s 嗎？（運行 \"microsite help\" 查看說明）\n"},
	{"microsite: unknown flag %q (run \"microsite help\")\n", "microsite: 未知的選項 %q（運行 \"microsite help\" 查看說明）\n"},
	{"microsite: unknown command %q: did you mean %s? (run \"microsite help\")\n", "microsite: 未知的命令 %q：您是指 %s 嗎？（運行 \"microsite help\" 查看說明）\n"},
	{"microsite: unknown command %q (run \"microsite help\")\n", "microsite: 未知的命令 %q（運行 \"microsite help\" 查看說明）\n"},
	{"show this help, or a command's: microsite help serve", "顯示本說明，或某個命令的說明：microsite help serve"},
	{"Usage: microsite help [command]\n\nShows the list of commands, or what a command does, its flags and examples.\n\nExamples:\n  microsite help\n  microsite help new\n", "用法：microsite help [命令]\n\n列出所有命令，或顯示某個命令的用途、選項和示例。\n\n示例：\n  microsite help\n  microsite help new\n"},
	{"microsite help: unexpected argument %q\n", "microsite help: 多餘的參數 %q\n"},
	{"microsite help: unknown command %q: did you mean %s? (run \"microsite help\")\n", "microsite help: 未知的命令 %q：您是指 %s 嗎？（運行 \"microsite help\" 查看說明）\n"},
	{"microsite help: unknown command %q (run \"microsite help\")\n", "microsite help: 未知的命令 %q（運行 \"microsite help\" 查看說明）\n"},
	{"microsite help: microsite new cannot create %q: it creates measures\n", "microsite help: microsite new 不能創建 %q：它只創建改革創新經驗（measure）\n"},
	{"microsite %s: %s (see \"microsite %s -h\")\n", "microsite %s: %s（參閱 \"microsite %s -h\"）\n"},
	{"microsite %s: unexpected argument %q (see \"microsite %s -h\")\n", "microsite %s: 多餘的參數 %q（參閱 \"microsite %s -h\"）\n"},
	{"microsite %s: missing argument (see \"microsite %s -h\")\n", "microsite %s: 缺少參數（參閱 \"microsite %s -h\"）\n"},
	{"unknown flag %q: did you mean --%s?", "未知的選項 %q：您是指 --%s 嗎？"},
	{"unknown flag %q", "未知的選項 %q"},
	{"invalid value %q for --%s: expected true or false", "--%[2]s 的值 %[1]q 無效：應為 true 或 false"},
	{"flag needs an argument: --%s", "選項缺少參數：--%s"},
	{"invalid value %q for --%s: expected a number", "--%[2]s 的值 %[1]q 無效：應為數字"},
	{"invalid value %q for --%s: %v", "--%[2]s 的值 %[1]q 無效：%[3]v"},
	{`microsite builds and previews the microsite of 穗府函〔2018〕161號.

Usage:
  microsite <command> [flags]

Commands:
%s
Flags:
  -h, --help    show this help
  --version     print the version
  --lang LANG   the language of the messages, here or after any command:
                zh (Chinese) or en (English); also MICROSITE_LANG; by
                default the locale's (LC_ALL, LC_MESSAGES, LANG): Chinese,
                or English when the locale is not a Chinese one

Examples:
  microsite serve --open        # preview the site; pages reload as you save
  microsite new measure --category trade --title "…" --unit 廣州海關
  microsite build               # write the site into public/

Run "microsite help <command>" or "microsite <command> -h" for a command's
flags and examples.
`, `microsite 生成並預覽穗府函〔2018〕161號的專題網站。

用法：
  microsite <命令> [選項]

命令：
%s
選項：
  -h, --help    顯示本說明
  --version     顯示版本
  --lang 語言   提示信息的語言，可寫在命令之前或之後：zh（中文）或 en（英文）；
                也可設置環境變量 MICROSITE_LANG；默認按系統語言環境（LC_ALL、
                LC_MESSAGES、LANG）：中文，語言環境不是中文時為英文

示例：
  microsite serve --open        # 預覽網站；保存文件後頁面自動刷新
  microsite new measure --category trade --title "…" --unit 廣州海關
  microsite build               # 生成網站，寫入 public/

運行 "microsite help <命令>" 或 "microsite <命令> -h" 查看某個命令的選項和示例。
`},
	{"create a new content file: microsite new measure …", "新建內容文件：microsite new measure …"},
	{`Usage: microsite new measure --title TEXT --category SLUG --unit NAME [flags]

Creates content/measures/NN.md for a new measure, front matter filled in,
after checking every value against site.toml and the other measures. The
new measure is a draft (draft = true): "microsite serve" shows it, marked
草稿, and "microsite build" leaves it out until you delete that line. Write
its text in the file (it starts with a TODO line, which a published measure
may not keep). It never overwrites a file, and refuses a number already
used or one that would leave a gap, a control character in any value, and
raw HTML in the text (the site publishes text only).

Flags:
  --title TEXT      the measure's title (項目名稱); required
  --category SLUG   its category, a slug or name from site.toml: investment,
                    trade, government, supervision, rule-of-law, finance,
                    green-city; required
  --unit NAME       a lead unit (牽頭單位), a name or slug from site.toml;
                    required; repeat it for several
  --number N        the measure's number (default: the next one)
  --scope TEXT      its scope (推廣范圍) (default: the one most measures have)
  --text TEXT       its text (實施內容), Markdown (default: a TODO line)
  --source DIR      the folder holding site.toml (default ".")
  --lang LANG       the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite new measure --number 32 --category trade --title "跨境電商退貨新模式" --unit 廣州海關
  microsite new measure --category finance --title "…" --unit 市金融局 --unit 廣州供電局
`, `用法：microsite new measure --title 文字 --category 分類 --unit 單位 [選項]

為新的一項創建 content/measures/NN.md，填好文件頭，並事先對照 site.toml 和其他
各項檢查每個值。新的一項是草稿（draft = true）："microsite serve" 會顯示它並標
上「草稿」，"microsite build" 則會略去它，直到您刪除那一行為止。請在文件中寫下
它的實施內容（文件以一行 TODO 開始，發佈的各項不能保留這一行）。它從不覆蓋已有
的文件；已被使用或會造成缺號的序號、任何值中的控制字符，以及內容中的 HTML（網站
只發佈文字），都會被拒絕。

選項：
  --title 文字      本項的項目名稱；必填
  --category 分類   所屬分類，site.toml 中的 slug 或名稱：investment、trade、
                    government、supervision、rule-of-law、finance、
                    green-city；必填
  --unit 單位       牽頭單位，site.toml 中的名稱或 slug；必填；有幾個就寫幾次
  --number 序號     本項的序號（默認：下一個）
  --scope 文字      推廣范圍（默認：多數項目的推廣范圍）
  --text 文字       實施內容，Markdown 格式（默認：一行 TODO）
  --source 文件夾   site.toml 所在的文件夾（默認 "."）
  --lang 語言       提示信息的語言：zh（中文）或 en（英文）

示例：
  microsite new measure --number 32 --category trade --title "跨境電商退貨新模式" --unit 廣州海關
  microsite new measure --category finance --title "…" --unit 市金融局 --unit 廣州供電局
`},
	{"microsite new: say what to create: microsite new measure … (see \"microsite new -h\")\n", "microsite new: 請說明要創建什麼：microsite new measure …（參閱 \"microsite new -h\"）\n"},
	{"microsite new: cannot create %q: it creates measures (see \"microsite new -h\")\n", "microsite new: 不能創建 %q：只能創建改革創新經驗（measure）（參閱 \"microsite new -h\"）\n"},
	{"microsite new measure: --%s is required (see \"microsite new -h\")\n", "microsite new measure: 必須給出 --%s（參閱 \"microsite new -h\"）\n"},
	{"created %s, a draft: write its text there (run \"microsite serve\" to see it as you type), then delete its line draft = true to publish it\n", "已創建草稿 %s：請在其中寫下實施內容（運行 \"microsite serve\" 可邊寫邊看），寫好後刪除 draft = true 這一行即可發佈\n"},
	{"write a built site to a zip archive, for USB copies", "把生成的網站打包為 zip 壓縮包，供 U 盤拷貝"},
	{`Usage: microsite package [--site DIR] FILE

Writes the built site to the zip archive FILE, after checking it and every
file against its SHA256SUMS. The archive holds exactly the files SHA256SUMS
lists; a site holding anything else (a file or folder added after the
build) is refused. The same site always gives the same bytes: entries
sorted, ASCII names, one timestamp: SOURCE_DATE_EPOCH when set (before 1980
it becomes 1980-01-01, the earliest a zip can hold; after 2106-02-07, the
latest, it is an error), else 1980-01-01.

FILE is written only where nothing can be lost: it may be new, or an archive
this program wrote (it carries a comment saying so); any other file is never
replaced. It may not lie in the site, nor in a source tree's site.toml,
content/, layouts/ or assets/. A link is followed, and stays.

Flags:
  --site DIR   the built site (default "public")
  --lang LANG  the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite package nansha3.zip
  microsite build --zip nansha3.zip    # build and package in one go
`, `用法：microsite package [--site 文件夾] 文件

檢查生成的網站，並對照其 SHA256SUMS 校驗每個文件後，把網站寫入 zip 壓縮包「文件」。
壓縮包中恰好是 SHA256SUMS 所列的文件；網站中若有其他東西（生成後加入的文件或文件
夾）會被拒絕。同一個網站總是得到完全相同的字節：條目按順序排列，名稱為 ASCII，
時間戳只有一個：設置了 SOURCE_DATE_EPOCH 時用它（早於 1980 年則為 zip 所能記錄
的最早時間 1980-01-01；晚於 2106-02-07，即最晚時間，則報錯），否則為 1980-01-01。

「文件」只在不會丟失任何東西的地方寫入：它可以是新文件，或本程序寫的壓縮包（包內
有註釋說明）；其他文件一律不會被替換。它不能位於網站之內，也不能是源文件的
site.toml，或位於 content/、layouts/、assets/ 之中。鏈接會被跟隨，並保持不變。

選項：
  --site 文件夾   生成的網站（默認 "public"）
  --lang 語言    提示信息的語言：zh（中文）或 en（英文）

示例：
  microsite package nansha3.zip
  microsite build --zip nansha3.zip    # 生成並打包，一步完成
`},
	{"packaged %d files of %s into %s\n", "已把 %[2]s 的 %[1]d 個文件打包為 %[3]s\n"},
	{"\rbuilding: %d/%d files", "\r正在生成：%d/%d 個文件"},
	{"serving %s (press Ctrl-C to stop)\n", "正在預覽 %s（按 Ctrl-C 停止）\n"},
	{"microsite serve: warning: the preview is open to the network, at %s: anyone who can reach this computer can read it, drafts included. Stop it when you are done, or serve without --bind.\n", "microsite serve: 警告：預覽已向網絡開放，地址為 %s：任何能訪問這台電腦的人都能看到預覽，包括草稿。用完請停止預覽，或不加 --bind 運行。\n"},
	{"microsite serve: cannot open a browser (%v): open %s yourself\n", "microsite serve: 無法打開瀏覽器（%v）：請自行打開 %s\n"},
	{"stopped", "已停止"},
	{"preview the site in a browser while you edit it", "邊編輯邊在瀏覽器中預覽網站"},
	{`Usage: microsite serve [--port N] [--bind ADDR] [--open] [--source DIR] [--base-url URL]

Builds the site into a temporary folder (public/ is not touched) and serves
it at http://127.0.0.1:PORT/, for this computer only, draft measures
included (marked 草稿). It watches site.toml, content/, layouts/ and
assets/: when you save a file the site is rebuilt and the pages open in the
browser reload by themselves. A mistake in a file shows in the browser and
here, with the file, the line and what is wrong; fix it and save, and the
pages come back. Ctrl-C (or closing the terminal) stops the server and
removes the temporary folder. "microsite server" is the same command.

To look at the preview on a phone or another computer of the office
network, bind it to an address other computers reach: --bind 0.0.0.0 (all
of this computer's addresses) or one of them. It then prints the addresses
to open there, and a warning: anyone who can reach this computer can read
the preview, drafts included. It answers only to requests addressed to this
computer (its addresses, or the name given to --bind), never to another
name pointed at it.

Flags:
  --port N         the port to serve on (default 8080; 0 picks a free one)
  --bind ADDR      the address to listen on (default 127.0.0.1: this
                   computer only)
  --open           open the home page in the default browser
  --source DIR     the folder holding site.toml (default ".")
  --base-url URL   the site's address, instead of site.toml's base_url (also
                   --baseURL, -b, and MICROSITE_BASE_URL in the environment)
  --lang LANG      the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite serve --open            # then edit content/measures/03.md and save
  microsite serve --port 9000       # when 8080 is taken
  microsite serve --bind 0.0.0.0    # and open the address it prints on a phone
`, `用法：microsite serve [--port 端口] [--bind 地址] [--open] [--source 文件夾] [--base-url 網址]

把網站生成到一個臨時文件夾（不會動 public/），在 http://127.0.0.1:端口/ 提供預覽，
只供這台電腦訪問，草稿也會顯示（標有「草稿」）。它監視 site.toml、content/、
layouts/ 和 assets/：保存文件後網站會重新生成，瀏覽器中打開的頁面會自動刷新。
文件中的錯誤會顯示在瀏覽器和這裡，註明文件、行號和錯在哪裡；改正並保存後，頁面
就會恢復。按 Ctrl-C（或關閉終端）停止預覽，臨時文件夾會被刪除。"microsite
server" 是同一個命令。

要在手機或辦公網絡中的其他電腦上查看預覽，請綁定到其他電腦能訪問的地址：
--bind 0.0.0.0（這台電腦的所有地址）或其中一個地址。它會列出在那邊要打開的地址，
並發出警告：任何能訪問這台電腦的人都能看到預覽，包括草稿。它只回應發給這台電腦
的請求（它的地址，或 --bind 給出的名稱），不回應指向它的其他名稱。

選項：
  --port 端口      預覽使用的端口（默認 8080；0 表示自動選擇空閒端口）
  --bind 地址      監聽的地址（默認 127.0.0.1：僅限這台電腦）
  --open           在默認瀏覽器中打開首頁
  --source 文件夾  site.toml 所在的文件夾（默認 "."）
  --base-url 網址  網站的地址，代替 site.toml 的 base_url（也可寫作 --baseURL、
                   -b，或設置環境變量 MICROSITE_BASE_URL）
  --lang 語言      提示信息的語言：zh（中文）或 en（英文）

示例：
  microsite serve --open            # 然後編輯 content/measures/03.md 並保存
  microsite serve --port 9000       # 8080 被佔用時
  microsite serve --bind 0.0.0.0    # 然後在手機上打開它列出的地址
`},
	{"microsite serve: --port %d: expected a port from 0 to 65535 (see \"microsite serve -h\")\n", "microsite serve: --port %d：端口應在 0 到 65535 之間（參閱 \"microsite serve -h\"）\n"},
	{"microsite serve: --bind %q: expected an address of this computer, such as 127.0.0.1 or 0.0.0.0 (see \"microsite serve -h\")\n", "microsite serve: --bind %q：應為這台電腦的地址，如 127.0.0.1 或 0.0.0.0（參閱 \"microsite serve -h\"）\n"},
	{"microsite %s: %v (see \"microsite %s -h\")\n", "microsite %s: %v（參閱 \"microsite %s -h\"）\n"},
	// search
	{"search: folding table has %d characters to fold but %d results", "search：折疊表有 %d 個待折疊的字符，卻有 %d 個結果"},
	{"search: OpenCC's t2s chain has no %s (the library changed?)", "search：OpenCC 的 t2s 轉換鏈中沒有 %s（程序庫有變化？）"},
	{"search: an index of %d measures and a layout of %d for a site of %d", "search：%d 條措施的索引和 %d 條措施的佈局，網站卻有 %d 條措施"},
	{"search: measure %d is number %d: numbers must run from 1 without gaps", "search：第 %d 條措施的編號是 %d：編號必須從 1 開始，連續無間隔"},
	{"search: measure %d's page is %s, not %s with its number", "search：第 %d 條措施的頁面是 %s，而不是帶其編號的 %s"},
	{"search: the index's JSON has no %s", "search：索引的 JSON 中沒有 %s"},
	// zhconv
	{"OpenCC conversion %q: %v", "OpenCC 轉換 %q：%v"},
}
