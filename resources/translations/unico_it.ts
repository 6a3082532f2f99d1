<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Unico</source>
        <translation>Informazioni su Unico</translation>
    </message>
    <message>
        <source>One view of each customer across a small retailer&apos;s channels. Everything stays on this computer: Unico makes no network connections.</source>
        <translation>Una sola vista di ogni cliente su tutti i canali di un piccolo negozio. Tutto resta su questo computer: Unico non si collega mai alla rete.</translation>
    </message>
    <message>
        <source>Unico is released under the MIT licence. It bundles these components:</source>
        <translation>Unico è distribuito con licenza MIT. Include questi componenti:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licenza</translation>
    </message>
</context>
<context>
    <name>ContributionPage</name>
    <message>
        <source>First touch</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Ultimo contatto</translation>
    </message>
    <message>
        <source>Last non-direct touch</source>
        <translation>Ultimo contatto non diretto</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineare</translation>
    </message>
    <message>
        <source>Time decay</source>
        <translation>Decadimento nel tempo</translation>
    </message>
    <message>
        <source>Position-based (40/20/40)</source>
        <translation>Basato sulla posizione (40/20/40)</translation>
    </message>
    <message>
        <source>Markov chain (removal effect)</source>
        <translation>Catene di Markov (effetto rimozione)</translation>
    </message>
    <message>
        <source>Shapley value</source>
        <translation>Valore di Shapley</translation>
    </message>
    <message>
        <source>by channel</source>
        <translation>per canale</translation>
    </message>
    <message>
        <source>by campaign</source>
        <translation>per campagna</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>acquisti</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>fatturato</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafico</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Finestra</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Dimezzamento</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Identified purchases</source>
        <translation>Acquisti identificati</translation>
    </message>
    <message>
        <source>Their revenue</source>
        <translation>Il loro fatturato</translation>
    </message>
    <message>
        <source>Purchases with no touch before</source>
        <translation>Acquisti senza contatti prima</translation>
    </message>
    <message>
        <source>Anonymous purchases (not credited)</source>
        <translation>Acquisti anonimi (non attribuiti)</translation>
    </message>
    <message>
        <source>Credits share out each purchase among the touches before it in the window: they describe the paths customers took, not what each channel caused.</source>
        <translation>Il merito di ogni acquisto è diviso fra i contatti che lo precedono nella finestra: descrive i percorsi dei clienti, non che cosa abbia causato ciascun canale.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong. Nothing was changed by the failed step.</source>
        <translation>Qualcosa è andato storto. L’operazione non riuscita non ha modificato nulla.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>riga %1</translation>
    </message>
    <message>
        <source>column “%1”</source>
        <translation>colonna “%1”</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export customer profiles</source>
        <translation>Esporta i profili dei clienti</translation>
    </message>
    <message>
        <source>Export matching membership</source>
        <translation>Esporta l’appartenenza ai profili</translation>
    </message>
    <message>
        <source>Export a list for %1</source>
        <translation>Esporta una lista per %1</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Apri la cartella</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Esportazione in %1…</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Esportazione annullata: nessun file è stato scritto.</translation>
    </message>
    <message>
        <source>The export failed: no file was written.</source>
        <translation>L’esportazione non è riuscita: nessun file è stato scritto.</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) written to %1.</source>
        <translation>
            <numerusform>%n profilo scritto in %1.</numerusform>
            <numerusform>%n profili scritti in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1.</source>
        <translation>
            <numerusform>%n record scritto in %1.</numerusform>
            <numerusform>%n record scritti in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody may be contacted through %1: no list was written (the folder holds the README).</source>
        <translation>Nessuno può essere contattato tramite %1: nessuna lista è stata scritta (la cartella contiene il README).</translation>
    </message>
    <message>
        <source>Files for %1 in %2:</source>
        <translation>File per %1 in %2:</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profili</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Esportati</translation>
    </message>
    <message>
        <source>Left out: no consent for the channel</source>
        <translation>Esclusi: nessun consenso per il canale</translation>
    </message>
    <message>
        <source>Left out: invalid email or phone</source>
        <translation>Esclusi: email o telefono non validi</translation>
    </message>
    <message>
        <source>Left out: address already exported for another profile</source>
        <translation>Esclusi: indirizzo già esportato per un altro profilo</translation>
    </message>
    <message>
        <source>Suppressed (unsubscribed, bounced or blocked)</source>
        <translation>Esclusi per sempre (disiscritti, rimbalzati o bloccati)</translation>
    </message>
    <message>
        <source>No email or phone</source>
        <translation>Senza email né telefono</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n riga</numerusform>
            <numerusform>%1: %n righe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) left out or left blank, with the reason: %1</source>
        <translation>
            <numerusform>%n valore escluso o lasciato vuoto, con il motivo: %1</numerusform>
            <numerusform>%n valori esclusi o lasciati vuoti, con il motivo: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>What to upload where: README.txt</source>
        <translation>Cosa caricare e dove: README.txt (in inglese)</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message>
        <source>Customer &amp;profiles (CSV/Excel)…</source>
        <translation>&amp;Profili dei clienti (CSV/Excel)…</translation>
    </message>
    <message>
        <source>Golden records with contacts, consent, activity and totals</source>
        <translation>Schede uniche con contatti, consensi, attività e totali</translation>
    </message>
    <message>
        <source>List for %1…</source>
        <translation>Lista per %1…</translation>
    </message>
    <message>
        <source>The files %1 imports as they are: consenting contacts only</source>
        <translation>I file che %1 importa così come sono: solo i contatti con il consenso</translation>
    </message>
    <message>
        <source>Matching &amp;membership (CSV)…</source>
        <translation>&amp;Appartenenza ai profili (CSV)…</translation>
    </message>
    <message>
        <source>Which profile each imported record belongs to</source>
        <translation>A quale profilo appartiene ogni record importato</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Cartelle di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export customer profiles</source>
        <translation>Esporta i profili dei clienti</translation>
    </message>
    <message>
        <source>profiles</source>
        <translation>profili</translation>
    </message>
    <message>
        <source>Folder for the %1 files</source>
        <translation>Cartella per i file di %1</translation>
    </message>
    <message>
        <source>Export matching membership</source>
        <translation>Esporta l’appartenenza ai profili</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>appartenenza</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Unico user guide</source>
        <translation>Guida di Unico</translation>
    </message>
</context>
<context>
    <name>IdentificationPage</name>
    <message>
        <source>By</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>store</source>
        <translation>negozio</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mese</translation>
    </message>
    <message>
        <source>Store revenue tied to a known customer</source>
        <translation>Fatturato in negozio legato a un cliente conosciuto</translation>
    </message>
    <message>
        <source>Receipts tied to a known customer</source>
        <translation>Scontrini legati a un cliente conosciuto</translation>
    </message>
    <message>
        <source>Store receipts</source>
        <translation>Scontrini in negozio</translation>
    </message>
    <message>
        <source>A receipt is identified when it names a known person: a loyalty card or an e-receipt email.</source>
        <translation>Uno scontrino è identificato quando riporta una persona conosciuta: una carta fedeltà o l’email dello scontrino elettronico.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import files</source>
        <translation>Importa file</translation>
    </message>
    <message>
        <source>Drop your exports here: till or loyalty files, Shopify, WooCommerce, Mailchimp, Klaviyo, Brevo, Meta lead ads, web analytics, or any spreadsheet of customers or sales.</source>
        <translation>Trascina qui le tue esportazioni: file della cassa o della carta fedeltà, Shopify, WooCommerce, Mailchimp, Klaviyo, Brevo, Meta lead ads, web analytics o qualsiasi foglio di clienti o vendite.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Scegli i file…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Recognised as</source>
        <translation>Riconosciuto come</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Contiene</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Source name</source>
        <translation>Nome della fonte</translation>
    </message>
    <message>
        <source>Importing a newer export under the same name updates this source</source>
        <translation>Importando un’esportazione più recente con lo stesso nome, questa fonte viene aggiornata</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Salva come CSV…</translation>
    </message>
    <message>
        <source>1. Choose a file</source>
        <translation>1. Scegli un file</translation>
    </message>
    <message>
        <source>2. Check what Unico understood</source>
        <translation>2. Controlla che cosa ha capito Unico</translation>
    </message>
    <message>
        <source>3. Import</source>
        <translation>3. Importa</translation>
    </message>
    <message>
        <source>Next file: %1</source>
        <translation>File successivo: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>Scegli i file da importare</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lettura del file…</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lettura di %1</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>Impossibile importare questo file</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importazione di %1…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importazione di %1</translation>
    </message>
    <message>
        <source>The import failed; nothing was written.</source>
        <translation>Importazione non riuscita: non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Importazione annullata: non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>%1 was already imported: nothing changed.</source>
        <translation>%1 era già stato importato: nulla è cambiato.</translation>
    </message>
    <message>
        <source>Imported into the source “%1” (%2, %3).</source>
        <translation>Importato nella fonte «%1» (%2, %3).</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be used:</source>
        <translation>
            <numerusform>%n riga non è utilizzabile:</numerusform>
            <numerusform>%n righe non sono utilizzabili:</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row could be used.</source>
        <translation>Tutte le righe sono state utilizzate.</translation>
    </message>
    <message>
        <source>Reading rejected rows</source>
        <translation>Lettura delle righe scartate</translation>
    </message>
    <message>
        <source>Matching the new records with everyone else in the background…</source>
        <translation>Abbinamento dei nuovi record con tutti gli altri in corso…</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Abbinamento</translation>
    </message>
    <message>
        <source>Matching done: %1 merged automatically, %2 pairs to review, %3 profiles.</source>
        <translation>Abbinamento completato: %1 uniti automaticamente, %2 coppie da verificare, %3 profili.</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Salva le righe scartate</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>Ferma l’operazione in corso</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n altra)</numerusform>
            <numerusform>(+%n altre)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Click an event to see its details and the row it came from.</source>
        <translation>Fai clic su un evento per vederne i dettagli e la riga da cui proviene.</translation>
    </message>
    <message>
        <source>%1 of %2 events in the selected period. Drag the shaded band or its edges to change the period; scroll to zoom, drag to pan.</source>
        <translation>%1 eventi su %2 nel periodo selezionato. Trascina la fascia evidenziata o i suoi bordi per cambiare periodo; usa la rotellina per lo zoom e trascina per spostarti.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Negozio</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagna</translation>
    </message>
    <message>
        <source>UTM source / medium</source>
        <translation>UTM source / medium</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>ID evento</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fonti</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profili</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Nuovo archivio…</translation>
    </message>
    <message>
        <source>Create an empty workspace file</source>
        <translation>Crea un file di archivio vuoto</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Apri archivio…</translation>
    </message>
    <message>
        <source>Open a workspace file</source>
        <translation>Apri un file di archivio</translation>
    </message>
    <message>
        <source>Open the &amp;demo shop</source>
        <translation>Apri il negozio &amp;dimostrativo</translation>
    </message>
    <message>
        <source>Open the demo retailer&apos;s workspace</source>
        <translation>Apri l’archivio del negozio dimostrativo</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importa file…</translation>
    </message>
    <message>
        <source>Import channel exports into this workspace</source>
        <translation>Importa le esportazioni dei canali in questo archivio</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>Close Unico</source>
        <translation>Chiudi Unico</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;ulla</translation>
    </message>
    <message>
        <source>Undo the last decision</source>
        <translation>Annulla l’ultima decisione</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>Redo the decision you undid</source>
        <translation>Ripeti la decisione annullata</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>Language, matching, reports, data retention</source>
        <translation>Lingua, abbinamento, report, conservazione dei dati</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guida</translation>
    </message>
    <message>
        <source>How to use Unico</source>
        <translation>Come usare Unico</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Every key Unico understands</source>
        <translation>Tutti i tasti che Unico riconosce</translation>
    </message>
    <message>
        <source>&amp;About Unico</source>
        <translation>Informazioni &amp;su Unico</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Versione e licenze</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Vai a %1</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Impossibile aprire l’archivio</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>Conteggio</translation>
    </message>
    <message>
        <source>Reading the history</source>
        <translation>Lettura della cronologia</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annulla: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Ripeti: %1</translation>
    </message>
    <message>
        <source>Undoing</source>
        <translation>Annullamento</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Annullato: %1</translation>
    </message>
    <message>
        <source>Redoing</source>
        <translation>Ripetizione</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Ripetuto: %1</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Nessun archivio aperto</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n fonte</numerusform>
            <numerusform>%n fonti</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 record</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 eventi</translation>
    </message>
    <message>
        <source>%1 profiles</source>
        <translation>%1 profili</translation>
    </message>
    <message>
        <source>%1 pairs to review</source>
        <translation>%1 coppie da verificare</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Nessun archivio recente</translation>
    </message>
    <message>
        <source>Unico workspaces (%1)</source>
        <translation>Archivi di Unico (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nuovo archivio</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Apri archivio</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Dimostrazione</translation>
    </message>
    <message>
        <source>The demo generator is not part of this build.</source>
        <translation>Il generatore della dimostrazione non è incluso in questa versione.</translation>
    </message>
    <message>
        <source>Building the demo shop</source>
        <translation>Preparazione del negozio dimostrativo</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Open or create a workspace first.</source>
        <translation>Prima apri o crea un archivio.</translation>
    </message>
    <message>
        <source>Updating the golden records</source>
        <translation>Aggiornamento delle schede uniche</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Column in the file</source>
        <translation>Colonna nel file</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primi valori</translation>
    </message>
    <message>
        <source>Unico field</source>
        <translation>Campo di Unico</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Affidabilità</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(non usata)</translation>
    </message>
    <message>
        <source>Which Unico field this column holds</source>
        <translation>Quale campo di Unico contiene questa colonna</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Indizi</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Riscontro</translation>
    </message>
    <message>
        <source>Same person: %1 likely</source>
        <translation>Stessa persona: probabilità %1</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Chosen as</source>
        <translation>Scelto come</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>principale</translation>
    </message>
    <message>
        <source>Other values</source>
        <translation>Altri valori</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Email since</source>
        <translation>Email dal</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>SMS since</source>
        <translation>SMS dal</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>(undone)</source>
        <translation>(annullata)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Unico</source>
        <translation>Unico</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Che cosa</translation>
    </message>
    <message>
        <source>Merge with another profile…</source>
        <translation>Unisci a un altro profilo…</translation>
    </message>
    <message>
        <source>These are the same person: make the two profiles one</source>
        <translation>Sono la stessa persona: fai dei due profili uno solo</translation>
    </message>
    <message>
        <source>Take the selected record out</source>
        <translation>Togli il record selezionato</translation>
    </message>
    <message>
        <source>This record is someone else: it leaves the profile and is never merged back automatically</source>
        <translation>Questo record è di un’altra persona: esce dal profilo e non vi viene mai più unito automaticamente</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base giuridica</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Deciso da</translation>
    </message>
    <message>
        <source>Taking the record out</source>
        <translation>Rimozione del record</translation>
    </message>
    <message>
        <source>Merge profiles</source>
        <translation>Unisci profili</translation>
    </message>
    <message>
        <source>Number of the profile to merge with this one:</source>
        <translation>Numero del profilo da unire a questo:</translation>
    </message>
    <message>
        <source>Merging profiles</source>
        <translation>Unione dei profili</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilità</translation>
    </message>
    <message>
        <source>← All profiles</source>
        <translation>← Tutti i profili</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Torna all’elenco</translation>
    </message>
    <message>
        <source>Golden record</source>
        <translation>Scheda unica</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>Opening the profile</source>
        <translation>Apertura del profilo</translation>
    </message>
    <message>
        <source>This profile no longer exists</source>
        <translation>Questo profilo non esiste più</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profilo %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventi</numerusform>
        </translation>
    </message>
    <message>
        <source>last activity %1</source>
        <translation>ultima attività %1</translation>
    </message>
</context>
<context>
    <name>ProfilesModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fonti</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Ultima attività</translation>
    </message>
</context>
<context>
    <name>ProfilesScreen</name>
    <message>
        <source>Profiles</source>
        <translation>Profili</translation>
    </message>
    <message>
        <source>One row per customer, across every source.</source>
        <translation>Una riga per cliente, su tutte le fonti.</translation>
    </message>
    <message>
        <source>Search by name, email, phone, city or source</source>
        <translation>Cerca per nome, email, telefono, città o fonte</translation>
    </message>
    <message>
        <source>Search profiles</source>
        <translation>Cerca nei profili</translation>
    </message>
    <message>
        <source>Searching profiles</source>
        <translation>Ricerca nei profili</translation>
    </message>
    <message>
        <source>%1 profiles</source>
        <translation>%1 profili</translation>
    </message>
</context>
<context>
    <name>Rejects</name>
    <message>
        <source>Line</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Contenuto della riga</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Salva il grafico come PNG…</translation>
    </message>
    <message>
        <source>Save table as CSV or Excel…</source>
        <translation>Salva la tabella come CSV o Excel…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Salva il grafico</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Immagini PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message>
        <source>Save table</source>
        <translation>Salva la tabella</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Cartelle Excel (*.xlsx);;File CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>What each channel brings, online and in the store.</source>
        <translation>Che cosa porta ogni canale, online e in negozio.</translation>
    </message>
    <message>
        <source>Channel contribution</source>
        <translation>Contributo dei canali</translation>
    </message>
    <message>
        <source>ROPO: online, then in store</source>
        <translation>ROPO: prima online, poi in negozio</translation>
    </message>
    <message>
        <source>Identification rate</source>
        <translation>Tasso di identificazione</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcolo in corso…</translation>
    </message>
    <message>
        <source>Computing the report</source>
        <translation>Calcolo del report</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Are these two records the same person? Unico was not sure; your answer teaches it.</source>
        <translation>Questi due record sono la stessa persona? Unico non ne era sicuro: la tua risposta gli insegna.</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Stessa persona</translation>
    </message>
    <message>
        <source>Accept: merge the two records</source>
        <translation>Accetta: unisci i due record</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>Persone diverse</translation>
    </message>
    <message>
        <source>Reject: never merge these two</source>
        <translation>Rifiuta: non unire mai questi due</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Salta</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidi più tardi</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <source>Previous pair</source>
        <translation>Coppia precedente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Successiva</translation>
    </message>
    <message>
        <source>Next pair</source>
        <translation>Coppia successiva</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Probability from</source>
        <translation>Probabilità da</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Accept all from this probability…</source>
        <translation>Accetta tutte da questa probabilità…</translation>
    </message>
    <message>
        <source>Accept every pair at or above the probability on the left; you see how many before anything happens</source>
        <translation>Accetta ogni coppia con probabilità pari o superiore a quella indicata a sinistra; prima vedi quante sono</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Tutte le fonti</translation>
    </message>
    <message>
        <source>Loading pairs to review</source>
        <translation>Caricamento delle coppie da verificare</translation>
    </message>
    <message>
        <source>Saving the decision</source>
        <translation>Salvataggio della decisione</translation>
    </message>
    <message>
        <source>Counting pairs</source>
        <translation>Conteggio delle coppie</translation>
    </message>
    <message>
        <source>Accept pairs</source>
        <translation>Accetta coppie</translation>
    </message>
    <message>
        <source>Accept %1 pairs with a probability of %2 or more? Each becomes one person.</source>
        <translation>Accettare %1 coppie con probabilità di almeno %2? Ognuna diventerà una sola persona.</translation>
    </message>
    <message>
        <source>Accepting pairs</source>
        <translation>Accettazione delle coppie</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>Nothing to review. Unico will ask again when new files bring doubtful pairs.</source>
        <translation>Niente da verificare. Unico chiederà di nuovo quando nuovi file porteranno coppie dubbie.</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 rimaste</translation>
    </message>
    <message>
        <source>Pairs waiting for a decision with the current filters</source>
        <translation>Coppie in attesa di decisione con i filtri attuali</translation>
    </message>
</context>
<context>
    <name>RopoPage</name>
    <message>
        <source>Online touch within</source>
        <translation>Contatto online entro</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Suddividi per</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>(no breakdown)</source>
        <translation>(nessuna suddivisione)</translation>
    </message>
    <message>
        <source>Identified store revenue</source>
        <translation>Fatturato identificato in negozio</translation>
    </message>
    <message>
        <source>of which assisted online (ROPO)</source>
        <translation>di cui assistito online (ROPO)</translation>
    </message>
    <message>
        <source>ROPO share</source>
        <translation>Quota ROPO</translation>
    </message>
    <message>
        <source>Median days from touch to purchase</source>
        <translation>Giorni mediani dal contatto all’acquisto</translation>
    </message>
    <message>
        <source>Assisted, not caused: these store purchases followed an online touch by the same person; a holdout group would be needed to say the touch made the sale.</source>
        <translation>Assistiti, non causati: questi acquisti in negozio sono seguiti a un contatto online della stessa persona; per dire che il contatto ha fatto la vendita servirebbe un gruppo di controllo.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generali</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Abbinamento</translation>
    </message>
    <message>
        <source>Golden records</source>
        <translation>Schede uniche</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Come il sistema (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>Paese predefinito dei telefoni</translation>
    </message>
    <message>
        <source>Country used for phone numbers written without +prefix</source>
        <translation>Paese usato per i numeri scritti senza prefisso +</translation>
    </message>
    <message>
        <source>Choose the thresholds myself</source>
        <translation>Scelgo io le soglie</translation>
    </message>
    <message>
        <source>Merge automatically above</source>
        <translation>Unisci automaticamente sopra</translation>
    </message>
    <message>
        <source>Ask me to review above</source>
        <translation>Chiedimi di verificare sopra</translation>
    </message>
    <message>
        <source>By default Unico uses thresholds measured to keep automatic merges at least 99.5% precise. Pairs between the two thresholds go to the Review screen.</source>
        <translation>Di norma Unico usa soglie misurate per tenere le unioni automatiche precise almeno al 99,5%. Le coppie fra le due soglie vanno nella schermata Verifica.</translation>
    </message>
    <message>
        <source>When the sources of this workspace disagree on a name or an address, the first source in this list wins. Contact details follow the most recent value.</source>
        <translation>Quando le fonti di questo archivio non concordano su un nome o un indirizzo, vince la prima fonte di questo elenco. Per i recapiti vale il valore più recente.</translation>
    </message>
    <message>
        <source>Open a workspace to choose which of its sources wins for names and addresses.</source>
        <translation>Apri un archivio per scegliere quale delle sue fonti prevale per nomi e indirizzi.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>First touch</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Ultimo contatto</translation>
    </message>
    <message>
        <source>Last non-direct touch</source>
        <translation>Ultimo contatto non diretto</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineare</translation>
    </message>
    <message>
        <source>Time decay</source>
        <translation>Decadimento nel tempo</translation>
    </message>
    <message>
        <source>Position-based (40/20/40)</source>
        <translation>Basato sulla posizione (40/20/40)</translation>
    </message>
    <message>
        <source>Markov chain (removal effect)</source>
        <translation>Catene di Markov (effetto rimozione)</translation>
    </message>
    <message>
        <source>Shapley value</source>
        <translation>Valore di Shapley</translation>
    </message>
    <message>
        <source>Attribution model</source>
        <translation>Modello di attribuzione</translation>
    </message>
    <message>
        <source>Lookback window</source>
        <translation>Finestra di osservazione</translation>
    </message>
    <message>
        <source>Time-decay half-life</source>
        <translation>Dimezzamento del decadimento</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Limit how long personal data is kept</source>
        <translation>Limita per quanto tempo si conservano i dati personali</translation>
    </message>
    <message>
        <source>Saving the retention policy</source>
        <translation>Salvataggio della politica di conservazione</translation>
    </message>
    <message>
        <source>Counting old personal data</source>
        <translation>Conteggio dei dati personali vecchi</translation>
    </message>
    <message>
        <source>Events dated before %1 to delete: %2 (profiles concerned: %3).</source>
        <translation>Eventi anteriori al %1 da eliminare: %2 (profili interessati: %3).</translation>
    </message>
    <message>
        <source>Profiles with no activity since %1: %2; left out of marketing, though they could be contacted otherwise: %3.</source>
        <translation>Profili senza attività dal %1: %2; esclusi dal marketing, pur essendo altrimenti contattabili: %3.</translation>
    </message>
    <message>
        <source>The policy sets no limit: nothing will be deleted.</source>
        <translation>La politica non fissa limiti: non verrà eliminato nulla.</translation>
    </message>
    <message>
        <source>Apply the retention policy</source>
        <translation>Applica la politica di conservazione</translation>
    </message>
    <message>
        <source>Deleted events cannot be brought back: this cannot be undone.</source>
        <translation>Gli eventi eliminati non si possono recuperare: l’operazione non si può annullare.</translation>
    </message>
    <message>
        <source>Delete and apply</source>
        <translation>Elimina e applica</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Applying the retention policy</source>
        <translation>Applicazione della politica di conservazione</translation>
    </message>
    <message>
        <source>Applied: %1 events deleted.</source>
        <translation>Applicata: eventi eliminati %1.</translation>
    </message>
    <message>
        <source>Garante loyalty-card limits (%1 months profiling, %2 marketing)</source>
        <translation>Limiti del Garante per le carte fedeltà (%1 mesi profilazione, %2 marketing)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizzati</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limiti</translation>
    </message>
    <message>
        <source>Keep for profiling</source>
        <translation>Conserva per la profilazione</translation>
    </message>
    <message>
        <source>Keep for marketing</source>
        <translation>Conserva per il marketing</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Nessun limite</translation>
    </message>
    <message>
        <source>Off by default. The Italian data protection authority (Garante) limits loyalty-card data to 12 months for profiling and 24 months for marketing unless the customer agreed otherwise.</source>
        <translation>Disattivata di norma. Il Garante per la protezione dei dati personali limita i dati delle carte fedeltà a 12 mesi per la profilazione e a 24 mesi per il marketing, salvo diverso consenso del cliente.</translation>
    </message>
    <message>
        <source>People with no activity for longer than the marketing limit are left out of exports at once. Events older than the profiling limit are deleted when you apply the policy.</source>
        <translation>Chi non ha attività da più tempo del limite per il marketing viene escluso subito dalle esportazioni. Gli eventi più vecchi del limite per la profilazione vengono eliminati quando applichi la politica.</translation>
    </message>
    <message>
        <source>Open a workspace to store and apply its policy.</source>
        <translation>Apri un archivio per salvarne e applicarne la politica.</translation>
    </message>
    <message>
        <source>Apply now…</source>
        <translation>Applica ora…</translation>
    </message>
    <message>
        <source>Store this policy in the workspace and delete the history it does not allow (you are asked first)</source>
        <translation>Salva questa politica nell’archivio ed elimina lo storico che non consente (prima viene chiesta conferma)</translation>
    </message>
    <message>
        <source>The review threshold must be lower than the automatic one.</source>
        <translation>La soglia di verifica deve essere più bassa di quella automatica.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventi</translation>
    </message>
    <message>
        <source>People on events</source>
        <translation>Persone negli eventi</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonna nel file</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importato</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Conteggi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annullata</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completata</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fonti</translation>
    </message>
    <message>
        <source>Every channel export you imported: what it holds, how its columns were read, and the rows that could not be used.</source>
        <translation>Ogni esportazione dei canali che hai importato: che cosa contiene, come sono state lette le colonne e le righe non utilizzabili.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importa file…</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Annulla importazione</translation>
    </message>
    <message>
        <source>Take back the selected import: its new rows go, updated rows return to what they were</source>
        <translation>Annulla l’importazione selezionata: le righe nuove vengono tolte, quelle aggiornate tornano com’erano</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Salva come CSV…</translation>
    </message>
    <message>
        <source>Save the rejected rows to a CSV file</source>
        <translation>Salva le righe scartate in un file CSV</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Associazione colonne</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importazioni</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Righe scartate</translation>
    </message>
    <message>
        <source>Reading the sources</source>
        <translation>Lettura delle fonti</translation>
    </message>
    <message>
        <source>Reading the imports</source>
        <translation>Lettura delle importazioni</translation>
    </message>
    <message>
        <source>Reading rejected rows</source>
        <translation>Lettura delle righe scartate</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected row(s) in the selected import.</source>
        <translation>
            <numerusform>%n riga scartata nell’importazione selezionata.</numerusform>
            <numerusform>%n righe scartate nell’importazione selezionata.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Salva le righe scartate</translation>
    </message>
    <message>
        <source>Take back the import of %1? Records it added are removed and records it updated get their previous values back.</source>
        <translation>Annullare l’importazione di %1? I record aggiunti vengono tolti e quelli aggiornati tornano ai valori precedenti.</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>Annullamento dell’importazione</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Customer ID</source>
        <translation>Codice cliente</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Carta fedeltà</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>Other personal ID</source>
        <translation>Altro documento personale</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Surname particle (de, van…)</source>
        <translation>Particella del cognome (de, van…)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Cellulare</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Data di nascita</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Sesso</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Indirizzo (seconda riga)</translation>
    </message>
    <message>
        <source>Street number</source>
        <translation>Numero civico</translation>
    </message>
    <message>
        <source>Postcode (CAP)</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Nazione</translation>
    </message>
    <message>
        <source>Email marketing consent</source>
        <translation>Consenso marketing via email</translation>
    </message>
    <message>
        <source>Email consent date</source>
        <translation>Data del consenso email</translation>
    </message>
    <message>
        <source>SMS marketing consent</source>
        <translation>Consenso marketing via SMS</translation>
    </message>
    <message>
        <source>SMS consent date</source>
        <translation>Data del consenso SMS</translation>
    </message>
    <message>
        <source>Subscription status</source>
        <translation>Stato dell’iscrizione</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Data di iscrizione</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Negozio di riferimento</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Totale speso</translation>
    </message>
    <message>
        <source>Total orders</source>
        <translation>Totale ordini</translation>
    </message>
    <message>
        <source>Event / order / receipt ID</source>
        <translation>ID evento / ordine / scontrino</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Data e ora</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Tipo di evento</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Prodotto</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Codice articolo</translation>
    </message>
    <message>
        <source>Store / location</source>
        <translation>Negozio / punto vendita</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>Stato dell’ordine</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagna</translation>
    </message>
    <message>
        <source>UTM source</source>
        <translation>UTM source</translation>
    </message>
    <message>
        <source>UTM medium</source>
        <translation>UTM medium</translation>
    </message>
    <message>
        <source>UTM campaign</source>
        <translation>UTM campaign</translation>
    </message>
    <message>
        <source>UTM content</source>
        <translation>UTM content</translation>
    </message>
    <message>
        <source>UTM term</source>
        <translation>UTM term</translation>
    </message>
    <message>
        <source>Visitor / device ID</source>
        <translation>ID visitatore / dispositivo</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Negozio</translation>
    </message>
    <message>
        <source>Online shop</source>
        <translation>Negozio online</translation>
    </message>
    <message>
        <source>Email / newsletter</source>
        <translation>Email / newsletter</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Sito web</translation>
    </message>
    <message>
        <source>Ads / leads</source>
        <translation>Pubblicità / contatti</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Acquisto</translation>
    </message>
    <message>
        <source>Return / refund</source>
        <translation>Reso / rimborso</translation>
    </message>
    <message>
        <source>Added to cart</source>
        <translation>Aggiunto al carrello</translation>
    </message>
    <message>
        <source>Started checkout</source>
        <translation>Inizio pagamento</translation>
    </message>
    <message>
        <source>Visit / page view</source>
        <translation>Visita / pagina vista</translation>
    </message>
    <message>
        <source>Email sent</source>
        <translation>Email inviata</translation>
    </message>
    <message>
        <source>Email opened</source>
        <translation>Email aperta</translation>
    </message>
    <message>
        <source>Email clicked</source>
        <translation>Clic nell’email</translation>
    </message>
    <message>
        <source>Ad click</source>
        <translation>Clic su annuncio</translation>
    </message>
    <message>
        <source>Lead form</source>
        <translation>Modulo contatti</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Iscritto</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Disiscritto</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Punti fedeltà</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventi</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Escluso</translation>
    </message>
    <message>
        <source>Cleaned (bounced)</source>
        <translation>Non valido (rimbalzato)</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Ha rifiutato</translation>
    </message>
    <message>
        <source>Opted in</source>
        <translation>Ha acconsentito</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Sconosciuto</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Righe lette</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>Record nuovi</translation>
    </message>
    <message>
        <source>Updated records</source>
        <translation>Record aggiornati</translation>
    </message>
    <message>
        <source>Unchanged records</source>
        <translation>Record invariati</translation>
    </message>
    <message>
        <source>Anonymous events</source>
        <translation>Eventi anonimi</translation>
    </message>
    <message>
        <source>People found on events</source>
        <translation>Persone trovate negli eventi</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>Righe duplicate</translation>
    </message>
    <message>
        <source>Erased people skipped</source>
        <translation>Persone cancellate saltate</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Righe scartate</translation>
    </message>
    <message>
        <source>Automatic merge</source>
        <translation>Unione automatica</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accettata</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutata</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltata</translation>
    </message>
    <message>
        <source>Merged by hand</source>
        <translation>Unione manuale</translation>
    </message>
    <message>
        <source>Unmerged</source>
        <translation>Separazione</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Cancellazione</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Existing customer (soft spam, email only)</source>
        <translation>Cliente esistente (soft spam, solo email)</translation>
    </message>
    <message>
        <source>None: do not contact</source>
        <translation>Nessuna: non contattare</translation>
    </message>
    <message>
        <source>most trusted source</source>
        <translation>fonte più affidabile</translation>
    </message>
    <message>
        <source>most recent</source>
        <translation>più recente</translation>
    </message>
    <message>
        <source>most frequent</source>
        <translation>più frequente</translation>
    </message>
    <message>
        <source>most complete</source>
        <translation>più completo</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Purchases credited</source>
        <translation>Acquisti attribuiti</translation>
    </message>
    <message>
        <source>Revenue credited</source>
        <translation>Fatturato attribuito</translation>
    </message>
    <message>
        <source>Share of purchases</source>
        <translation>Quota degli acquisti</translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation>Quota del fatturato</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Store buyers</source>
        <translation>Acquirenti in negozio</translation>
    </message>
    <message>
        <source>Store purchases</source>
        <translation>Acquisti in negozio</translation>
    </message>
    <message>
        <source>Identified store revenue</source>
        <translation>Fatturato identificato in negozio</translation>
    </message>
    <message>
        <source>ROPO purchases</source>
        <translation>Acquisti ROPO</translation>
    </message>
    <message>
        <source>ROPO revenue</source>
        <translation>Fatturato ROPO</translation>
    </message>
    <message>
        <source>ROPO share</source>
        <translation>Quota ROPO</translation>
    </message>
    <message>
        <source>Median days from touch to purchase</source>
        <translation>Giorni mediani dal contatto all’acquisto</translation>
    </message>
    <message>
        <source>Online purchases</source>
        <translation>Acquisti online</translation>
    </message>
    <message>
        <source>Identified online revenue</source>
        <translation>Fatturato online identificato</translation>
    </message>
    <message>
        <source>Share bought online</source>
        <translation>Quota acquistata online</translation>
    </message>
    <message>
        <source>Online revenue after a store visit</source>
        <translation>Fatturato online dopo una visita in negozio</translation>
    </message>
    <message>
        <source>Share after a store visit</source>
        <translation>Quota dopo una visita in negozio</translation>
    </message>
    <message>
        <source>Median days from store to online</source>
        <translation>Giorni mediani dal negozio all’online</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mese</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Scontrini</translation>
    </message>
    <message>
        <source>Identified receipts</source>
        <translation>Scontrini identificati</translation>
    </message>
    <message>
        <source>Share of receipts identified</source>
        <translation>Quota di scontrini identificati</translation>
    </message>
    <message>
        <source>Store revenue</source>
        <translation>Fatturato in negozio</translation>
    </message>
    <message>
        <source>Affiliate</source>
        <translation>Affiliazione</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Diretto</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Organic search</source>
        <translation>Ricerca organica</translation>
    </message>
    <message>
        <source>Organic social</source>
        <translation>Social organico</translation>
    </message>
    <message>
        <source>Paid search</source>
        <translation>Ricerca a pagamento</translation>
    </message>
    <message>
        <source>Paid social</source>
        <translation>Social a pagamento</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Siti di rimando</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(nessuna campagna)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(sconosciuto)</translation>
    </message>
    <message>
        <source>(no touch)</source>
        <translation>(nessun contatto)</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>(nessun negozio)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(tutti)</translation>
    </message>
    <message>
        <source>near a store</source>
        <translation>vicino a un negozio</translation>
    </message>
    <message>
        <source>far from the stores</source>
        <translation>lontano dai negozi</translation>
    </message>
    <message>
        <source>Postcode area</source>
        <translation>Zona del CAP</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Near a store or not</source>
        <translation>Vicino o lontano dai negozi</translation>
    </message>
    <message>
        <source>Automatic mapping</source>
        <translation>Associazione automatica</translation>
    </message>
    <message>
        <source>Tables and exports</source>
        <translation>Tabelle ed esportazioni</translation>
    </message>
    <message>
        <source>CSV / TSV / text</source>
        <translation>CSV / TSV / testo</translation>
    </message>
    <message>
        <source>Spreadsheets (Excel, OpenDocument)</source>
        <translation>Fogli di calcolo (Excel, OpenDocument)</translation>
    </message>
    <message>
        <source>Mailchimp audience export (ZIP)</source>
        <translation>Esportazione del pubblico Mailchimp (ZIP)</translation>
    </message>
    <message>
        <source>Names in the email address</source>
        <translation>Nomi nell’indirizzo email</translation>
    </message>
    <message>
        <source>Household check</source>
        <translation>Controllo nucleo familiare</translation>
    </message>
    <message>
        <source>Sources of the two records</source>
        <translation>Fonti dei due record</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mancante</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>uguale</translation>
    </message>
    <message>
        <source>first and last swapped</source>
        <translation>nome e cognome scambiati</translation>
    </message>
    <message>
        <source>close (Jaro-Winkler ≥ 0.92 or one edit)</source>
        <translation>molto simile (Jaro-Winkler ≥ 0,92 o una modifica)</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>diminutivo</translation>
    </message>
    <message>
        <source>one contains the other</source>
        <translation>uno contiene l’altro</translation>
    </message>
    <message>
        <source>similar (Jaro-Winkler ≥ 0.85)</source>
        <translation>simile (Jaro-Winkler ≥ 0,85)</translation>
    </message>
    <message>
        <source>initial only</source>
        <translation>solo l’iniziale</translation>
    </message>
    <message>
        <source>somewhat similar (Jaro-Winkler ≥ 0.7)</source>
        <translation>abbastanza simile (Jaro-Winkler ≥ 0,7)</translation>
    </message>
    <message>
        <source>different</source>
        <translation>diverso</translation>
    </message>
    <message>
        <source>day and month swapped</source>
        <translation>giorno e mese scambiati</translation>
    </message>
    <message>
        <source>one digit off</source>
        <translation>una cifra diversa</translation>
    </message>
    <message>
        <source>same year (other part unknown)</source>
        <translation>stesso anno (il resto è ignoto)</translation>
    </message>
    <message>
        <source>same year and month</source>
        <translation>stesso anno e mese</translation>
    </message>
    <message>
        <source>same year</source>
        <translation>stesso anno</translation>
    </message>
    <message>
        <source>within 3 years</source>
        <translation>entro 3 anni</translation>
    </message>
    <message>
        <source>within 12 years</source>
        <translation>entro 12 anni</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>stesso indirizzo</translation>
    </message>
    <message>
        <source>same name at another domain</source>
        <translation>stesso nome su un altro dominio</translation>
    </message>
    <message>
        <source>one typo</source>
        <translation>un errore di battitura</translation>
    </message>
    <message>
        <source>same number</source>
        <translation>stesso numero</translation>
    </message>
    <message>
        <source>same last 7 digits</source>
        <translation>stesse ultime 7 cifre</translation>
    </message>
    <message>
        <source>email names the person and birth year</source>
        <translation>l’email riporta la persona e l’anno di nascita</translation>
    </message>
    <message>
        <source>email names the person</source>
        <translation>l’email riporta la persona</translation>
    </message>
    <message>
        <source>email has the other&apos;s birth year</source>
        <translation>l’email riporta l’anno di nascita dell’altro</translation>
    </message>
    <message>
        <source>email has the surname and initial</source>
        <translation>l’email riporta cognome e iniziale</translation>
    </message>
    <message>
        <source>email has the surname</source>
        <translation>l’email riporta il cognome</translation>
    </message>
    <message>
        <source>email names someone else</source>
        <translation>l’email riporta un’altra persona</translation>
    </message>
    <message>
        <source>same street and number</source>
        <translation>stessa via e numero</translation>
    </message>
    <message>
        <source>similar street, same number</source>
        <translation>via simile, stesso numero</translation>
    </message>
    <message>
        <source>same street, number missing</source>
        <translation>stessa via, numero mancante</translation>
    </message>
    <message>
        <source>same street, other number</source>
        <translation>stessa via, altro numero</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>simile</translation>
    </message>
    <message>
        <source>one edit</source>
        <translation>una modifica</translation>
    </message>
    <message>
        <source>different sources</source>
        <translation>fonti diverse</translation>
    </message>
    <message>
        <source>same source (two entries of one export)</source>
        <translation>stessa fonte (due righe della stessa esportazione)</translation>
    </message>
    <message>
        <source>same mobile number</source>
        <translation>stesso cellulare</translation>
    </message>
    <message>
        <source>same number, used by several people (no evidence)</source>
        <translation>stesso numero, usato da più persone (non è un indizio)</translation>
    </message>
    <message>
        <source>same address, used by several people (no evidence)</source>
        <translation>stesso indirizzo, usato da più persone (non è un indizio)</translation>
    </message>
    <message>
        <source>different (other gender)</source>
        <translation>diverso (altro sesso)</translation>
    </message>
    <message>
        <source>same street and number, a home of several people</source>
        <translation>stessa via e numero, una casa di più persone</translation>
    </message>
    <message>
        <source>first names or birth years clash: household-shared fields capped</source>
        <translation>nomi o anni di nascita in conflitto: i dati condivisi in famiglia contano meno</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to Unico</source>
        <translation>Benvenuto in Unico</translation>
    </message>
    <message>
        <source>One view of each customer across your shop&apos;s channels: import your till, online shop, newsletter and lead exports, check the matches, and see every customer&apos;s journey.</source>
        <translation>Una sola vista di ogni cliente su tutti i canali del tuo negozio: importa le esportazioni di cassa, negozio online, newsletter e contatti, controlla gli abbinamenti e guarda il percorso di ogni cliente.</translation>
    </message>
    <message>
        <source>Explore the demo shop</source>
        <translation>Esplora il negozio dimostrativo</translation>
    </message>
    <message>
        <source>A ready-made Italian retailer with five channels</source>
        <translation>Un negozio italiano già pronto, con cinque canali</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>Crea un archivio</translation>
    </message>
    <message>
        <source>An empty file for your own shop&apos;s data</source>
        <translation>Un file vuoto per i dati del tuo negozio</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importa file</translation>
    </message>
    <message>
        <source>Till, Shopify, Mailchimp, leads, web analytics, spreadsheets…</source>
        <translation>Cassa, Shopify, Mailchimp, contatti, web analytics, fogli di calcolo…</translation>
    </message>
    <message>
        <source>No workspace is open yet.</source>
        <translation>Nessun archivio ancora aperto.</translation>
    </message>
    <message>
        <source>Open workspace: %1</source>
        <translation>Archivio aperto: %1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{path}: no such workspace</source>
        <translation>{path}: l’archivio non esiste</translation>
    </message>
    <message>
        <source>{path}: cannot open: {error}</source>
        <translation>{path}: impossibile aprirlo: {error}</translation>
    </message>
    <message>
        <source>{path}: cannot read: {reason}</source>
        <translation>{path}: impossibile leggerlo: {reason}</translation>
    </message>
    <message>
        <source>{path}: not a Unico workspace (not an SQLite database file)</source>
        <translation>{path}: non è un archivio di Unico (non è un database SQLite)</translation>
    </message>
    <message>
        <source>{path}: not a Unico workspace ({error})</source>
        <translation>{path}: non è un archivio di Unico ({error})</translation>
    </message>
    <message>
        <source>{path}: is an SQLite file but not a Unico workspace</source>
        <translation>{path}: è un file SQLite ma non un archivio di Unico</translation>
    </message>
    <message>
        <source>{path}: this workspace was written by a newer Unico (schema {version:d}); this version knows schema {known:d}. Please update Unico.</source>
        <translation>{path}: questo archivio è stato scritto da una versione più recente di Unico (schema {version:d}); questa versione conosce lo schema {known:d}. Aggiorna Unico.</translation>
    </message>
    <message>
        <source>{path}: workspace needs an upgrade; open it once for writing</source>
        <translation>{path}: l’archivio va aggiornato; aprilo una volta in scrittura</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>impossibile leggere il file: {reason}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>il file è vuoto</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>il file non esiste</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>questa è una cartella, non un file</translation>
    </message>
    <message>
        <source>this is {what}, not a table; export the data as CSV or Excel and import that</source>
        <translation>questo è {what}, non una tabella; esporta i dati in CSV o Excel e importa quel file</translation>
    </message>
    <message>
        <source>this is a binary file, not a table (CSV, TSV, Excel or ODS); check that you picked the right file</source>
        <translation>questo è un file binario, non una tabella (CSV, TSV, Excel o ODS); controlla di aver scelto il file giusto</translation>
    </message>
    <message>
        <source>the file looks like a ZIP archive but cannot be opened ({error})</source>
        <translation>il file sembra un archivio ZIP ma non si riesce ad aprirlo ({error})</translation>
    </message>
    <message>
        <source>this is a word-processor document (Word/Writer), not a table; export the data as CSV or Excel and import that</source>
        <translation>questo è un documento di testo (Word/Writer), non una tabella; esporta i dati in CSV o Excel e importa quel file</translation>
    </message>
    <message>
        <source>this is a presentation, not a table</source>
        <translation>questa è una presentazione, non una tabella</translation>
    </message>
    <message>
        <source>this ZIP archive is not a Mailchimp audience export (it holds {listed}); unzip it and import the file inside</source>
        <translation>questo archivio ZIP non è un’esportazione del pubblico di Mailchimp (contiene {listed}); estrailo e importa il file che contiene</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niente</translation>
    </message>
    <message>
        <source>{member} inside the archive is not a text file</source>
        <translation>{member} nell’archivio non è un file di testo</translation>
    </message>
    <message>
        <source>the Mailchimp archive holds no members</source>
        <translation>l’archivio di Mailchimp non contiene iscritti</translation>
    </message>
    <message>
        <source>the file is {kind} although it is named .{ext}</source>
        <translation>il file è {kind} anche se il nome finisce in .{ext}</translation>
    </message>
    <message>
        <source>{note}; it was read as such</source>
        <translation>{note}; è stato letto come tale</translation>
    </message>
    <message>
        <source>the file looks like {kind} but cannot be read ({error}); save it again as .xlsx or CSV</source>
        <translation>il file sembra {kind} ma non si riesce a leggerlo ({error}); salvalo di nuovo in .xlsx o CSV</translation>
    </message>
    <message>
        <source>the workbook is empty (no sheet has any data)</source>
        <translation>la cartella di lavoro è vuota (nessun foglio contiene dati)</translation>
    </message>
    <message>
        <source>sheet {sheet!r} has an empty header row: no usable column</source>
        <translation>il foglio {sheet!r} ha la riga di intestazione vuota: nessuna colonna utilizzabile</translation>
    </message>
    <message>
        <source>sheet {sheet!r} was read ({rows} rows); other sheets ignored: {others}</source>
        <translation>è stato letto il foglio {sheet!r} ({rows} righe); altri fogli ignorati: {others}</translation>
    </message>
    <message>
        <source>{sheet!r} ({rows} rows)</source>
        <translation>{sheet!r} ({rows} righe)</translation>
    </message>
    <message>
        <source>the file holds no table (no header line found)</source>
        <translation>il file non contiene una tabella (nessuna riga di intestazione trovata)</translation>
    </message>
    <message>
        <source>the header line cannot be read ({error})</source>
        <translation>la riga di intestazione non si riesce a leggere ({error})</translation>
    </message>
    <message>
        <source>the header line is empty: no usable column</source>
        <translation>la riga di intestazione è vuota: nessuna colonna utilizzabile</translation>
    </message>
    <message>
        <source>the header is on line {line:d}; the lines above it were skipped</source>
        <translation>l’intestazione è alla riga {line:d}; le righe sopra sono state saltate</translation>
    </message>
    <message>
        <source>rows do not all have the same number of values with delimiter {delimiter!r}; the odd ones will be rejected</source>
        <translation>le righe non hanno tutte lo stesso numero di valori con il separatore {delimiter!r}; quelle diverse verranno scartate</translation>
    </message>
    <message>
        <source>a quote opened on this line is never closed, so the rest of the file cannot be read as rows ({error})</source>
        <translation>una virgoletta aperta in questa riga non viene mai chiusa, quindi il resto del file non si può leggere come righe ({error})</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un documento PDF</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>un’immagine PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>un’immagine JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>un’immagine GIF</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>un archivio gzip</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>un archivio 7-Zip</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>un archivio RAR</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>un database SQLite</translation>
    </message>
    <message>
        <source>an RTF document</source>
        <translation>un documento RTF</translation>
    </message>
    <message>
        <source>an old Excel/Office document</source>
        <translation>un vecchio documento Excel/Office</translation>
    </message>
    <message>
        <source>an old-format Office document (.xls/.doc)</source>
        <translation>un documento Office nel vecchio formato (.xls/.doc)</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>una cartella di lavoro Excel</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet</source>
        <translation>un foglio di calcolo OpenDocument</translation>
    </message>
    <message>
        <source>a spreadsheet</source>
        <translation>un foglio di calcolo</translation>
    </message>
    <message>
        <source>none of the first {rows} rows can be read ({problem})</source>
        <translation>nessuna delle prime {rows} righe si riesce a leggere ({problem})</translation>
    </message>
    <message>
        <source>the file has a header but no data rows</source>
        <translation>il file ha un’intestazione ma nessuna riga di dati</translation>
    </message>
    <message>
        <source>{bad} of the first {rows} rows have a broken structure and will be rejected</source>
        <translation>{bad} delle prime {rows} righe hanno una struttura rovinata e verranno scartate</translation>
    </message>
    <message>
        <source>times without an offset are read as UTC (no time zone known for region {region})</source>
        <translation>gli orari senza fuso orario sono letti come UTC (nessun fuso orario noto per la regione {region})</translation>
    </message>
    <message>
        <source>no usable column: none of the columns was recognised as a name, email, phone, id or address (columns: {columns}); use --map FIELD=COLUMN</source>
        <translation>nessuna colonna utilizzabile: nessuna colonna è stata riconosciuta come nome, email, telefono, codice o indirizzo (colonne: {columns}); assegna almeno una colonna a uno di questi campi</translation>
    </message>
    <message>
        <source>no usable column: no column was recognised as the date of the events; use --map occurred_at=COLUMN (or event_date=… and event_time=…)</source>
        <translation>nessuna colonna utilizzabile: nessuna colonna è stata riconosciuta come data degli eventi; assegna una colonna al campo Data e ora (oppure Data e Ora)</translation>
    </message>
    <message>
        <source>{format} files hold {kind}; read as {chosen} with the automatic mapping instead</source>
        <translation>i file {format} contengono {kind}; letto come {chosen} con l’abbinamento automatico delle colonne</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contatti</translation>
    </message>
    <message>
        <source>events</source>
        <translation>eventi</translation>
    </message>
    <message>
        <source>people are found through column {column!r}: {share:.0%} of its values are keys of source {source!r} ({target})</source>
        <translation>le persone sono trovate tramite la colonna {column!r}: il {share:.0%} dei suoi valori sono chiavi della fonte {source!r} ({target})</translation>
    </message>
    <message>
        <source>column {column!r} is a general marketing consent: it is applied to email and SMS</source>
        <translation>la colonna {column!r} è un consenso generico al marketing: vale per email e SMS</translation>
    </message>
    <message>
        <source>columns not kept (personal data Unico does not need): {columns}</source>
        <translation>colonne non conservate (dati personali che a Unico non servono): {columns}</translation>
    </message>
    <message>
        <source>rows sharing the same {column!r} are read as one event (their amounts are added up)</source>
        <translation>le righe con lo stesso {column!r} sono lette come un unico evento (i loro importi vengono sommati)</translation>
    </message>
    <message>
        <source>column {column!r} repeats values (receipt numbers restart on each till or day): an event is identified by it together with the rest of its row</source>
        <translation>la colonna {column!r} ripete i valori (i numeri di scontrino ripartono per ogni cassa o giorno): un evento è identificato da questa colonna insieme al resto della riga</translation>
    </message>
    <message>
        <source>column {column!r} ({field}) repeats values or is often empty in the first rows: not used as the key</source>
        <translation>la colonna {column!r} ({field}) ripete i valori o è spesso vuota nelle prime righe: non è usata come chiave</translation>
    </message>
    <message>
        <source>no key column: each row is keyed by a hash of its identity fields (a newer export of this file adds changed rows as new records instead of updating them)</source>
        <translation>nessuna colonna chiave: ogni riga è identificata da un’impronta dei suoi dati anagrafici (un’esportazione più recente di questo file aggiunge le righe modificate come nuovi record invece di aggiornarli)</translation>
    </message>
    <message>
        <source>column {column!r}: the day/month order cannot be told from the data ({evidence}); read as {order}</source>
        <translation>colonna {column!r}: dai dati non si capisce l’ordine giorno/mese ({evidence}); letto come {order}</translation>
    </message>
    <message>
        <source>conflicting values: {dmy} can only be day/month (e.g. {dmy_example!r}) and {mdy} only month/day (e.g. {mdy_example!r}); using the majority, {order}</source>
        <translation>valori in conflitto: {dmy} possono essere solo giorno/mese (es. {dmy_example!r}) e {mdy} solo mese/giorno (es. {mdy_example!r}); si usa la maggioranza, {order}</translation>
    </message>
    <message>
        <source>{count} of {total} values have a first part above 12 (e.g. {example!r}): day/month</source>
        <translation>{count} valori su {total} hanno la prima parte sopra 12 (es. {example!r}): giorno/mese</translation>
    </message>
    <message>
        <source>{count} of {total} values have a second part above 12 (e.g. {example!r}): month/day</source>
        <translation>{count} valori su {total} hanno la seconda parte sopra 12 (es. {example!r}): mese/giorno</translation>
    </message>
    <message>
        <source>{count} of {total} values are year-first (ISO)</source>
        <translation>{count} valori su {total} iniziano con l’anno (ISO)</translation>
    </message>
    <message>
        <source>all {count} day/month values could be read either way (both parts 12 or less); assumed day/month, the Italian default</source>
        <translation>tutti i {count} valori giorno/mese si possono leggere in entrambi i modi (entrambe le parti 12 o meno); si assume giorno/mese, l’uso italiano</translation>
    </message>
    <message>
        <source>no numeric dates among {total} values; assumed day/month</source>
        <translation>nessuna data numerica fra {total} valori; si assume giorno/mese</translation>
    </message>
    <message>
        <source>broken quoting: {error}</source>
        <translation>virgolette rovinate: {error}</translation>
    </message>
    <message>
        <source>the row has {values:d} values but the header has {columns:d} columns</source>
        <translation>la riga ha {values:d} valori ma l’intestazione ha {columns:d} colonne</translation>
    </message>
    <message>
        <source>the row has {values:d} values but the header has {columns:d} columns (a quote spanning lines {first:d}–{last:d}?)</source>
        <translation>la riga ha {values:d} valori ma l’intestazione ha {columns:d} colonne (una virgoletta che si estende dalla riga {first:d} alla {last:d}?)</translation>
    </message>
    <message>
        <source>the row has values beyond the last named column ({values:d} &gt; {columns:d})</source>
        <translation>la riga ha valori oltre l’ultima colonna con un nome ({values:d} &gt; {columns:d})</translation>
    </message>
    <message>
        <source>no valid email address (the key of this file)</source>
        <translation>nessun indirizzo email valido (la chiave di questo file)</translation>
    </message>
    <message>
        <source>nothing identifies a person on this row (no id, name, email, phone or address)</source>
        <translation>niente in questa riga identifica una persona (nessun codice, nome, email, telefono o indirizzo)</translation>
    </message>
    <message>
        <source>duplicate key {key!r} (first on line {line:d})</source>
        <translation>chiave {key!r} ripetuta (la prima volta alla riga {line:d})</translation>
    </message>
    <message>
        <source>the date {date!r} cannot be read</source>
        <translation>la data {date!r} non si riesce a leggere</translation>
    </message>
    <message>
        <source>the date {date!r} / time {time!r} cannot be read</source>
        <translation>la data {date!r} / ora {time!r} non si riesce a leggere</translation>
    </message>
    <message>
        <source>the date/time {value!r} cannot be read</source>
        <translation>la data/ora {value!r} non si riesce a leggere</translation>
    </message>
    <message>
        <source>no date/time: the event cannot be placed in time</source>
        <translation>nessuna data/ora: l’evento non si può collocare nel tempo</translation>
    </message>
    <message>
        <source>the amount {value!r} cannot be read as a number</source>
        <translation>l’importo {value!r} non si riesce a leggere come numero</translation>
    </message>
    <message>
        <source>{count} {what} (first: {file}, line {line:d}, column {column!r})</source>
        <translation>{count} {what} (la prima: {file}, riga {line:d}, colonna {column!r})</translation>
    </message>
    <message>
        <source>cells look like spreadsheet formulas; kept as text in the raw row, never evaluated or used</source>
        <translation>celle sembrano formule di un foglio di calcolo; tenute come testo nella riga originale, mai calcolate né usate</translation>
    </message>
    <message>
        <source>email addresses are not valid; kept in the raw row only</source>
        <translation>indirizzi email non sono validi; tenuti solo nella riga originale</translation>
    </message>
    <message>
        <source>phone numbers are not valid; kept in the raw row only</source>
        <translation>numeri di telefono non sono validi; tenuti solo nella riga originale</translation>
    </message>
    <message>
        <source>dates could not be read; kept in the raw row only</source>
        <translation>date non si riescono a leggere; tenute solo nella riga originale</translation>
    </message>
    <message>
        <source>dates/times could not be read; kept in the raw row only</source>
        <translation>date/orari non si riescono a leggere; tenuti solo nella riga originale</translation>
    </message>
    <message>
        <source>times could not be read; kept in the raw row only</source>
        <translation>orari non si riescono a leggere; tenuti solo nella riga originale</translation>
    </message>
    <message>
        <source>numbers could not be read; kept in the raw row only</source>
        <translation>numeri non si riescono a leggere; tenuti solo nella riga originale</translation>
    </message>
    <message>
        <source>consent values could not be read (treated as unknown)</source>
        <translation>valori di consenso non si riescono a leggere (considerati sconosciuti)</translation>
    </message>
    <message>
        <source>gender values could not be read</source>
        <translation>valori del sesso non si riescono a leggere</translation>
    </message>
    <message>
        <source>codici fiscali are not valid (checksum); kept as written, not used for matching</source>
        <translation>codici fiscali non sono validi (carattere di controllo); tenuti come scritti, non usati per l’abbinamento</translation>
    </message>
    <message>
        <source>{count} amounts had no currency: EUR assumed (region {region})</source>
        <translation>{count} importi non avevano la valuta: si assume EUR (regione {region})</translation>
    </message>
    <message>
        <source>{count} rows belong to people who asked to be forgotten (suppression list): their personal data was not imported</source>
        <translation>{count} righe appartengono a persone che hanno chiesto di essere dimenticate (elenco di esclusione): i loro dati personali non sono stati importati</translation>
    </message>
    <message>
        <source>{file} was already imported into {source!r} (import {import_id:d}); nothing was added</source>
        <translation>{file} era già stato importato nella fonte {source!r} (importazione {import_id:d}); non è stato aggiunto nulla</translation>
    </message>
    <message>
        <source>source {source!r} holds {held}, but this file holds {kind}; import it under another --source name</source>
        <translation>la fonte {source!r} contiene {held}, ma questo file contiene {kind}; importalo con un altro nome di fonte</translation>
    </message>
    <message>
        <source>import {import_id:d} of source {source!r} was followed by import {later:d} of the same source; undo {later:d} first</source>
        <translation>l’importazione {import_id:d} della fonte {source!r} è stata seguita dall’importazione {later:d} della stessa fonte; annulla prima la {later:d}</translation>
    </message>
    <message>
        <source>import {import_id:d} added records that other sources point at: {listed}; undo those imports first</source>
        <translation>l’importazione {import_id:d} ha aggiunto record a cui rimandano altre fonti: {listed}; annulla prima quelle importazioni</translation>
    </message>
    <message>
        <source>{count} events of {source!r} (import {import_id:d})</source>
        <translation>{count} eventi di {source!r} (importazione {import_id:d})</translation>
    </message>
    <message>
        <source>{count} removed records belonged to profiles: run `unico match` to bring the profiles up to date</source>
        <translation>{count} record tolti appartenevano a profili: riesegui l’abbinamento per aggiornare i profili</translation>
    </message>
    <message>
        <source>{ref} {said} ({when})</source>
        <translation>{ref} {said} ({when})</translation>
    </message>
    <message>
        <source>is blocklisted (suppressed)</source>
        <translation>è in una lista di blocco (escluso)</translation>
    </message>
    <message>
        <source>was cleaned (the address bounced)</source>
        <translation>è stato ripulito (l’indirizzo è rimbalzato)</translation>
    </message>
    <message>
        <source>refused or unsubscribed</source>
        <translation>ha rifiutato o si è disiscritto</translation>
    </message>
    <message>
        <source>opted in</source>
        <translation>ha dato il consenso</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>il {day}</translation>
    </message>
    <message>
        <source>undated; as of {day}, when the source was read</source>
        <translation>senza data; al {day}, quando la fonte è stata letta</translation>
    </message>
    <message>
        <source>{identifier} is on the suppression list of erased people: never contact</source>
        <translation>{identifier} è nell’elenco di esclusione delle persone cancellate: non contattare mai</translation>
    </message>
    <message>
        <source>the opt-in of {day} ({source}) is newer than every refusal: it stands (legal basis: consent)</source>
        <translation>il consenso del {day} ({source}) è più recente di ogni rifiuto: resta valido (base giuridica: consenso)</translation>
    </message>
    <message>
        <source>no opt-in is dated after the latest refusal, so the refusal wins</source>
        <translation>nessun consenso è datato dopo l’ultimo rifiuto, quindi prevale il rifiuto</translation>
    </message>
    <message>
        <source>{said} in {source}: do not contact (legal basis: none)</source>
        <translation>{said} in {source}: non contattare (base giuridica: nessuna)</translation>
    </message>
    <message>
        <source>opted in, no refusal anywhere (legal basis: consent, from {source})</source>
        <translation>ha dato il consenso, nessun rifiuto altrove (base giuridica: consenso, da {source})</translation>
    </message>
    <message>
        <source>no consent recorded; {email} was given with a purchase ({ref}, last on {day}) and no source objects: soft-spam for the shop&apos;s own similar products, with an opt-out in every message (Codice Privacy art. 130(4))</source>
        <translation>nessun consenso registrato; {email} è stato dato con un acquisto ({ref}, l’ultimo il {day}) e nessuna fonte si oppone: soft spam per prodotti simili del negozio, con la possibilità di disiscriversi in ogni messaggio (Codice Privacy art. 130(4))</translation>
    </message>
    <message>
        <source>no SMS consent recorded; the soft-spam exception covers email only (legal basis: none)</source>
        <translation>nessun consenso SMS registrato; l’eccezione del soft spam vale solo per l’email (base giuridica: nessuna)</translation>
    </message>
    <message>
        <source>no email consent recorded (legal basis: none)</source>
        <translation>nessun consenso email registrato (base giuridica: nessuna)</translation>
    </message>
    <message>
        <source>no SMS consent recorded (legal basis: none)</source>
        <translation>nessun consenso SMS registrato (base giuridica: nessuna)</translation>
    </message>
    <message>
        <source>no activity for {months} (retention policy): consent expired, do not contact (legal basis: none)</source>
        <translation>nessuna attività da {months} (regola di conservazione dei dati): consenso scaduto, non contattare (base giuridica: nessuna)</translation>
    </message>
    <message>
        <source>{count} month</source>
        <translation>{count} mese</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} mesi</translation>
    </message>
    <message>
        <source>match run {when:%Y-%m-%d %H:%M}: {count} automatic merges</source>
        <translation>abbinamento del {when:%Y-%m-%d %H:%M}: {count} unioni automatiche</translation>
    </message>
    <message>
        <source>merge of profiles {a:d} and {b:d}</source>
        <translation>unione dei profili {a:d} e {b:d}</translation>
    </message>
    <message>
        <source>unmerge {ref} from profile {profile}</source>
        <translation>separazione di {ref} dal profilo {profile}</translation>
    </message>
    <message>
        <source>erasure of a person (final)</source>
        <translation>cancellazione di una persona (definitiva)</translation>
    </message>
    <message>
        <source>{decision} {a} ↔ {b}</source>
        <translation>{decision} {a} ↔ {b}</translation>
    </message>
    <message>
        <source>a record</source>
        <translation>un record</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>stessa persona</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>persone diverse</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>saltata</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>unione</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>non c’è nulla da annullare</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>non c’è nulla da ripetere</translation>
    </message>
    <message>
        <source>the latest step is an erasure, which is final: it cannot be undone (nor can the steps before it)</source>
        <translation>l’ultimo passo è una cancellazione, che è definitiva: non si può annullare (né si possono annullare i passi precedenti)</translation>
    </message>
    <message>
        <source>no profile {profile:d}; see `unico profiles`</source>
        <translation>il profilo {profile:d} non esiste</translation>
    </message>
    <message>
        <source>profile {profile:d} cannot be merged with itself</source>
        <translation>il profilo {profile:d} non si può unire a se stesso</translation>
    </message>
    <message>
        <source>profiles {a:d} and {b:d} could not be merged: a decision keeps some of their records apart (see `unico history`)</source>
        <translation>i profili {a:d} e {b:d} non si possono unire: una decisione tiene separati alcuni dei loro record (vedi la cronologia)</translation>
    </message>
    <message>
        <source>{ref} belongs to no profile yet; run `unico match` first</source>
        <translation>{ref} non appartiene ancora a nessun profilo; esegui prima l’abbinamento</translation>
    </message>
    <message>
        <source>{ref} is the only record of profile {profile:d}: there is nothing to take it out of</source>
        <translation>{ref} è l’unico record del profilo {profile:d}: non c’è nulla da cui separarlo</translation>
    </message>
    <message>
        <source>{target}: cannot write the file: {reason}</source>
        <translation>{target}: impossibile scrivere il file: {reason}</translation>
    </message>
    <message>
        <source>{name}: name the file .csv or .xlsx (it decides the format)</source>
        <translation>{name}: dai al file l’estensione .csv o .xlsx (decide il formato)</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}: la cartella non esiste</translation>
    </message>
    <message>
        <source>{folder} is a file; give the name of a new folder for the export files</source>
        <translation>{folder} è un file; indica il nome di una nuova cartella per i file esportati</translation>
    </message>
    <message>
        <source>{folder} already holds files; choose a new or empty folder (an export never overwrites: an old file left beside the new ones could be uploaded by mistake)</source>
        <translation>{folder} contiene già dei file; scegli una cartella nuova o vuota (un’esportazione non sovrascrive mai: un vecchio file lasciato accanto ai nuovi potrebbe essere caricato per errore)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Reading events</source>
        <translation>Lettura degli eventi</translation>
    </message>
    <message>
        <source>Attributing ({model})</source>
        <translation>Attribuzione ({model})</translation>
    </message>
    <message>
        <source>Attributing with every model</source>
        <translation>Attribuzione con tutti i modelli</translation>
    </message>
    <message>
        <source>Finding online touches before store purchases</source>
        <translation>Ricerca dei contatti online prima degli acquisti in negozio</translation>
    </message>
    <message>
        <source>Comparing windows</source>
        <translation>Confronto delle finestre</translation>
    </message>
    <message>
        <source>Counting identified receipts</source>
        <translation>Conteggio degli scontrini identificati</translation>
    </message>
    <message>
        <source>Building journeys</source>
        <translation>Costruzione dei percorsi</translation>
    </message>
    <message>
        <source>Building paths without a purchase</source>
        <translation>Costruzione dei percorsi senza acquisto</translation>
    </message>
    <message>
        <source>Journeys ready</source>
        <translation>Percorsi pronti</translation>
    </message>
    <message>
        <source>Profiles {done:,} of {total:,}</source>
        <translation>Profili {done:,} di {total:,}</translation>
    </message>
    <message>
        <source>Profiles done</source>
        <translation>Profili completati</translation>
    </message>
    <message>
        <source>Reading profiles…</source>
        <translation>Lettura dei profili…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Controllo di {file}…</translation>
    </message>
    <message>
        <source>Importing {file}: {rows:,} rows read</source>
        <translation>Importazione di {file}: {rows:,} righe lette</translation>
    </message>
    <message>
        <source>Updating {count:,} profiles</source>
        <translation>Aggiornamento di {count:,} profili</translation>
    </message>
    <message>
        <source>Imported {file}</source>
        <translation>{file} importato</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Importazione di {file}</translation>
    </message>
    <message>
        <source>Creating the people of Bottega Rossi</source>
        <translation>Creazione dei clienti di Bottega Rossi</translation>
    </message>
    <message>
        <source>Creating about {count:,} people</source>
        <translation>Creazione di circa {count:,} persone</translation>
    </message>
    <message>
        <source>Simulating a year of customer journeys</source>
        <translation>Simulazione di un anno di percorsi dei clienti</translation>
    </message>
    <message>
        <source>Writing the channel exports</source>
        <translation>Scrittura delle esportazioni dei canali</translation>
    </message>
    <message>
        <source>Writing the contact files</source>
        <translation>Scrittura dei file dei contatti</translation>
    </message>
    <message>
        <source>Computing the ground truth</source>
        <translation>Calcolo della verità di riferimento</translation>
    </message>
    <message>
        <source>Writing the ground truth</source>
        <translation>Scrittura della verità di riferimento</translation>
    </message>
    <message>
        <source>Demo retailer written</source>
        <translation>Negozio dimostrativo scritto</translation>
    </message>
    <message>
        <source>Contact files written</source>
        <translation>File dei contatti scritti</translation>
    </message>
    <message>
        <source>Matching the demo customers</source>
        <translation>Abbinamento dei clienti del negozio dimostrativo</translation>
    </message>
    <message>
        <source>Demo workspace ready</source>
        <translation>Archivio dimostrativo pronto</translation>
    </message>
    <message>
        <source>Reading records</source>
        <translation>Lettura dei record</translation>
    </message>
    <message>
        <source>Preparing match keys</source>
        <translation>Preparazione delle chiavi di abbinamento</translation>
    </message>
    <message>
        <source>Finding candidate pairs</source>
        <translation>Ricerca delle coppie candidate</translation>
    </message>
    <message>
        <source>Comparing {count:,} candidate pairs</source>
        <translation>Confronto di {count:,} coppie candidate</translation>
    </message>
    <message>
        <source>Learning the model (EM)</source>
        <translation>Apprendimento del modello (EM)</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Calcolo dei punteggi</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Raggruppamento</translation>
    </message>
    <message>
        <source>Updating profiles and the decision log</source>
        <translation>Aggiornamento dei profili e del registro delle decisioni</translation>
    </message>
    <message>
        <source>Golden records {done:,} of {total:,}</source>
        <translation>Schede uniche {done:,} di {total:,}</translation>
    </message>
    <message>
        <source>Counting what the retention policy removes</source>
        <translation>Conteggio di ciò che la regola di conservazione rimuove</translation>
    </message>
    <message>
        <source>Deleting {count:,} events</source>
        <translation>Eliminazione di {count:,} eventi</translation>
    </message>
    <message>
        <source>Retention policy applied</source>
        <translation>Regola di conservazione applicata</translation>
    </message>
    <message>
        <source>Credits share out the purchases of identified customers among the touches in the window before them; they describe the paths, not what each channel caused. Anonymous purchases have no path and are counted apart.</source>
        <translation>I crediti ripartiscono gli acquisti dei clienti identificati fra i contatti avvenuti nella finestra precedente; descrivono i percorsi, non l’effetto di ciascun canale. Gli acquisti anonimi non hanno un percorso e sono contati a parte.</translation>
    </message>
    <message>
        <source>A receipt is identified when it names a known person (loyalty card, e-receipt email…), whether or not matching has linked that person to other sources yet.</source>
        <translation>Uno scontrino è identificato quando indica una persona nota (carta fedeltà, email dello scontrino elettronico…), che l’abbinamento abbia già collegato o no quella persona ad altre fonti.</translation>
    </message>
    <message>
        <source>Assisted, not caused: these purchases only co-occur with an earlier touch among identified buyers (anonymous buyers are not seen), which does not prove the touch made the sale; to measure the effect, hold a random 10% of customers out of a campaign and compare their store purchases.</source>
        <translation>Favoriti, non causati: questi acquisti avvengono soltanto dopo un contatto precedente fra gli acquirenti identificati (gli acquirenti anonimi non si vedono), e questo non prova che il contatto abbia fatto la vendita; per misurare l’effetto, escludi a caso il 10% dei clienti da una campagna e confronta i loro acquisti in negozio.</translation>
    </message>
    <message>
        <source>Amounts in several currencies ({currencies}) are added as they are.</source>
        <translation>Importi in più valute ({currencies}) sono sommati così come sono.</translation>
    </message>
</context>
</TS>
