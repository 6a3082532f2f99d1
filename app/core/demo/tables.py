"""Reference data for the demo retailer: Italian names, places, streets, products, campaigns.

Frequencies are rough (rank-based) but shaped like Italy's: a few very common surnames (Rossi,
Russo, Ferrari…), strong Lombard surnames near the stores, and a long tail of rare ones built from
real Italian surname stems and suffixes. CAPs, province siglas and dialling prefixes are real.
"""
from __future__ import annotations

from dataclasses import dataclass

# Most common Italian surnames, roughly by frequency, with Lombard and Bergamasque ones mixed in.
COMMON_SURNAMES = (
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
    "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo",
    "Marchetti", "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso",
    "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina",
    "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino",
    "Carbone", "Giuliani", "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri",
    "Bernardi", "Martino", "Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras",
    "Vitali", "Battaglia", "Sartori", "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino",
    "D'Amico", "Orlando", "Negri", "Di Stefano", "Lo Russo", "La Rosa", "Dell'Orto", "Della Valle",
    "Del Monte", "Lo Bianco", "De Marco", "Di Giovanni", "D'Alessandro", "Lo Presti", "La Torre",
    "De Simone", "Di Lorenzo", "Dell'Acqua", "Brambilla", "Sironi", "Fumagalli", "Galbiati", "Radaelli",
    "Mauri", "Pozzi", "Crippa", "Meroni", "Viganò", "Cazzaniga", "Ronchi", "Bonfanti", "Corti", "Rota",
    "Locatelli", "Bonacina", "Cortinovis", "Pesenti", "Carminati", "Gamba", "Zanchi", "Previtali",
    "Belotti", "Mazzoleni", "Invernizzi", "Magni", "Moioli", "Nicolò", "Sanvito", "Longoni",
)

# Stems and suffixes of real Italian surnames: their products make the rare tail (Bertolini,
# Gallucci, Morandi…). A few odd combinations are harmless: they are rare by construction.
SURNAME_STEMS = (
    "Bert", "Mor", "Fer", "Gall", "Capp", "Marc", "Sant", "Bell", "Bon", "Cas", "Ces", "Cor", "Fabbr",
    "Gatt", "Grand", "Lomb", "Mart", "Pell", "Rin", "Ros", "Sal", "Torr", "Vent", "Zan", "Agost", "Alb",
    "Amad", "Ang", "Bald", "Barb", "Bass", "Batt", "Bened", "Berl", "Bianc", "Bocc", "Borg", "Bott",
    "Brun", "Buon", "Cald", "Camp", "Can", "Carl", "Carr", "Cav", "Cerr", "Ciamp", "Cocc", "Col", "Cont",
    "Crist", "Dam", "Dond", "Fant", "Fass", "Ferr", "Fior", "Forn", "Franc", "Fratt", "Gabr", "Gaud",
    "Gherard", "Giann", "Gior", "Giust", "Guid", "Lan", "Lazz", "Lucch", "Mag", "Manc", "Manz", "Mar",
    "Masc", "Matt", "Mazz", "Mell", "Mich", "Min", "Mont", "Nard", "Nicol", "Ors", "Pac", "Pagl", "Pasqu",
    "Pecc", "Perr", "Piccol", "Pier", "Pisan", "Poll", "Prat", "Quar", "Ragg", "Ricc", "Righ", "Rizz",
    "Rug", "Sacc", "Sangall", "Scott", "Sim", "Spin", "Stef", "Tagl", "Tomm", "Tos", "Trav", "Vacc",
    "Vall", "Vecch", "Vill", "Vit", "Zamb", "Zucc", "Benvenut", "Cipoll", "Fagn", "Garofal", "Guarin",
    "Lorenz", "Maffe", "Nov", "Ottav", "Paol", "Rabb", "Salv", "Tarant", "Ugol", "Valsecch", "Zanett",
)
SURNAME_SUFFIXES = (
    "ini", "etti", "elli", "oni", "ucci", "acci", "ato", "otti", "ari", "ieri", "ola", "ano", "ese", "ino",
    "one", "ello", "etto", "uzzi", "azzi", "i", "a", "o", "andi", "enghi", "ardi", "aldi", "oli", "ucchi",
)

MALE_NAMES = (
    "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro",
    "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio",
    "Luciano", "Stefano", "Roberto", "Alessandro", "Andrea", "Marco", "Luca", "Massimo", "Fabio", "Claudio",
    "Maurizio", "Enrico", "Davide", "Simone", "Matteo", "Lorenzo", "Federico", "Riccardo", "Gabriele",
    "Tommaso", "Leonardo", "Emanuele", "Daniele", "Alberto", "Giacomo", "Filippo", "Nicola", "Raffaele",
    "Gianluca", "Alessio", "Cristian", "Diego", "Edoardo", "Giulio", "Manuel", "Mattia", "Nicolò",
    "Samuele", "Pasquale", "Gennaro", "Ciro", "Rocco", "Cosimo", "Emilio", "Ernesto", "Fabrizio", "Gianni",
    "Guido", "Ivan", "Marcello", "Mirko", "Ottavio", "Renato", "Umberto", "Valerio", "Walter", "Elia",
    "Jacopo", "Christian", "Dario", "Ruggero", "Silvio", "Tiziano", "Vittorio", "Massimiliano", "Gianfranco",
)
FEMALE_NAMES = (
    "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Caterina",
    "Francesca", "Antonietta", "Elena", "Laura", "Paola", "Sara", "Giulia", "Chiara", "Valentina",
    "Federica", "Silvia", "Alessandra", "Martina", "Elisa", "Roberta", "Simona", "Barbara", "Cristina",
    "Monica", "Daniela", "Stefania", "Sofia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Greta",
    "Beatrice", "Noemi", "Marta", "Camilla", "Ilaria", "Serena", "Veronica", "Claudia", "Elisabetta",
    "Patrizia", "Raffaella", "Luisa", "Franca", "Graziella", "Manuela", "Nicoletta", "Rita", "Sabrina",
    "Tiziana", "Vincenza", "Irene", "Arianna", "Benedetta", "Carla", "Debora", "Eleonora", "Erika",
    "Gloria", "Letizia", "Lidia", "Michela", "Miriam", "Nadia", "Ornella", "Rebecca", "Viola", "Annalisa",
    "Mariangela", "Donatella", "Lucrezia",
)
COMPOUND_MALE = ("Gian Marco", "Gian Luca", "Pier Paolo", "Gian Carlo", "Pier Luigi", "Gian Maria")
COMPOUND_FEMALE = ("Maria Grazia", "Anna Maria", "Maria Teresa", "Maria Luisa", "Maria Rosaria",
                   "Maria Cristina", "Anna Rita")

# Used until resources/nicknames.json (the normaliser's curated table) exists. Keys are name keys.
FALLBACK_NICKNAMES = {
    "GIUSEPPE": ("PEPPE", "PINO", "BEPPE", "PEPPINO"), "FRANCESCO": ("FRANCO", "CHECCO", "CICCIO"),
    "GIUSEPPINA": ("PINA", "GIUSI", "GIUSY"), "LUIGI": ("GIGI", "GINO"), "ANTONIO": ("TONI", "TONINO", "NINO"),
    "GIOVANNI": ("GIANNI", "NANNI"), "ALESSANDRO": ("SANDRO", "ALE", "ALEX"), "ALESSANDRA": ("SANDRA", "ALE"),
    "ELISABETTA": ("BETTA", "ELISA"), "DOMENICO": ("MIMMO",), "VINCENZO": ("ENZO",),
    "SALVATORE": ("TOTO", "SALVO"), "RAFFAELE": ("LELLO",), "ROBERTO": ("ROBI",), "MASSIMILIANO": ("MAX",),
    "FEDERICO": ("FEDE",), "FEDERICA": ("FEDE",), "VALENTINA": ("VALE",), "FRANCESCA": ("FRANCY",),
    "GIOVANNA": ("GIANNA", "VANNA"), "CATERINA": ("RINA", "CATE"), "DANIELE": ("DANI",),
    "DANIELA": ("DANI",), "TOMMASO": ("TOMMY",), "EMANUELE": ("MANU",), "MANUELA": ("MANU",),
    "GABRIELE": ("GABRI",), "MARIAGRAZIA": ("GRAZIA",), "NICOLA": ("NICO",), "TERESA": ("TERE",),
}


@dataclass(frozen=True)
class Store:
    name: str  # as the till writes it in "Negozio"
    city: str
    province: str
    address: str
    cap: str
    phone: str  # the store's own number (cashiers type it when a customer gives none)
    email: str


STORES = (
    Store("Milano", "Milano", "MI", "Corso Vercelli 12", "20144", "02 4391 2288", "milano@bottegarossi.it"),
    Store("Monza", "Monza", "MB", "Via Italia 31", "20900", "039 232 1177", "monza@bottegarossi.it"),
    Store("Bergamo", "Bergamo", "BG", "Via XX Settembre 58", "24122", "035 214 466", "bergamo@bottegarossi.it"),
)


@dataclass(frozen=True)
class City:
    name: str
    province: str
    region: str
    caps: tuple[str, ...]  # street-level CAPs for big cities, one for small towns
    prefix: str  # landline dialling prefix (the leading 0 is part of the number)
    weight: float  # share of the near or far population
    store: int  # index into STORES for a town near a store, -1 far from every store


def _caps(first: int, last: int, width: int = 5) -> tuple[str, ...]:
    return tuple(str(c).zfill(width) for c in range(first, last + 1))


NEAR_CITIES = (
    City("Milano", "MI", "Lombardia", _caps(20121, 20162), "02", 9.0, 0),
    City("Sesto San Giovanni", "MI", "Lombardia", ("20099",), "02", 1.2, 0),
    City("Cinisello Balsamo", "MI", "Lombardia", ("20092",), "02", 1.0, 0),
    City("Rho", "MI", "Lombardia", ("20017",), "02", 0.7, 0),
    City("Legnano", "MI", "Lombardia", ("20025",), "0331", 0.7, 0),
    City("Monza", "MB", "Lombardia", ("20900",), "039", 3.0, 1),
    City("Lissone", "MB", "Lombardia", ("20851",), "039", 0.8, 1),
    City("Desio", "MB", "Lombardia", ("20832",), "0362", 0.7, 1),
    City("Seregno", "MB", "Lombardia", ("20831",), "0362", 0.7, 1),
    City("Bergamo", "BG", "Lombardia", _caps(24121, 24129), "035", 3.0, 2),
    City("Seriate", "BG", "Lombardia", ("24068",), "035", 0.6, 2),
    City("Treviglio", "BG", "Lombardia", ("24047",), "0363", 0.6, 2),
    City("Dalmine", "BG", "Lombardia", ("24044",), "035", 0.5, 2),
)
FAR_CITIES = (
    City("Roma", "RM", "Lazio", _caps(118, 199), "06", 6.0, -1),
    City("Napoli", "NA", "Campania", _caps(80121, 80147), "081", 3.0, -1),
    City("Torino", "TO", "Piemonte", _caps(10121, 10156), "011", 3.0, -1),
    City("Bologna", "BO", "Emilia-Romagna", _caps(40121, 40141), "051", 2.0, -1),
    City("Firenze", "FI", "Toscana", _caps(50121, 50145), "055", 2.0, -1),
    City("Palermo", "PA", "Sicilia", _caps(90121, 90151), "091", 2.0, -1),
    City("Bari", "BA", "Puglia", _caps(70121, 70132), "080", 1.5, -1),
    City("Genova", "GE", "Liguria", _caps(16121, 16167), "010", 1.5, -1),
    City("Verona", "VR", "Veneto", _caps(37121, 37142), "045", 1.2, -1),
    City("Padova", "PD", "Veneto", _caps(35121, 35143), "049", 1.2, -1),
    City("Cagliari", "CA", "Sardegna", _caps(9121, 9134), "070", 1.0, -1),
    City("Pescara", "PE", "Abruzzo", _caps(65121, 65129), "085", 0.6, -1),
    City("Trento", "TN", "Trentino-Alto Adige", _caps(38121, 38123), "0461", 0.6, -1),
    City("Lecce", "LE", "Puglia", ("73100",), "0832", 0.5, -1),
    City("Aosta", "AO", "Valle d'Aosta", ("11100",), "0165", 0.3, -1),
    City("Catania", "CT", "Sicilia", _caps(95121, 95131), "095", 1.2, -1),
    City("Brescia", "BS", "Lombardia", _caps(25121, 25136), "030", 1.5, -1),
)
CITIES = NEAR_CITIES + FAR_CITIES
NEAR_PROVINCES = tuple(sorted({c.province for c in NEAR_CITIES}))

STREETS = (
    "Via Roma", "Via Giuseppe Garibaldi", "Via Giuseppe Mazzini", "Corso Vittorio Emanuele II",
    "Via Dante Alighieri", "Via Alessandro Manzoni", "Via Giuseppe Verdi", "Via Cavour",
    "Via Guglielmo Marconi", "Via XX Settembre", "Via IV Novembre", "Via Giacomo Matteotti",
    "Via Antonio Gramsci", "Via Giacomo Leopardi", "Via Giosuè Carducci", "Via dei Mille", "Viale Europa",
    "Piazza della Repubblica", "Piazza della Libertà", "Via San Francesco d'Assisi", "Via Piave",
    "Via Trieste", "Via Trento", "Via Milano", "Via Torino", "Via Venezia", "Via Cesare Battisti",
    "Via Nazario Sauro", "Via Aldo Moro", "Via Papa Giovanni XXIII", "Viale dei Tigli", "Via delle Rose",
    "Via dei Gelsi", "Corso Italia", "Piazza Giuseppe Garibaldi", "Largo Augusto", "Vicolo Stretto",
    "Via Luigi Galvani", "Via Alessandro Volta", "Via Enrico Fermi", "Via Galileo Galilei",
    "Via Leonardo da Vinci", "Via Michelangelo Buonarroti", "Via Sandro Pertini", "Viale della Vittoria",
    "Via Vittorio Veneto", "Via Monte Grappa", "Via Solferino", "Via Magenta", "Via della Stazione",
    "Via Fratelli Bandiera", "Via Ugo Foscolo", "Via Santa Maria", "Strada Provinciale 35",
)
# Written abbreviations (the normaliser expands them back): qualifier → forms people type.
STREET_ABBREVIATIONS = {"Via": ("V.",), "Viale": ("V.le",), "Piazza": ("P.za", "P.zza"),
                        "Corso": ("C.so",), "Largo": ("L.go",), "Vicolo": ("V.lo",)}
ADDRESS2 = ("Scala B", "Interno 4", "Int. 12", "Piano 3", "c/o Studio Bianchi", "Scala A int. 7")

MOBILE_PREFIXES = ("320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "336", "337",
                   "338", "339", "340", "342", "345", "346", "347", "348", "349", "351", "366", "368",
                   "380", "388", "389", "391", "392", "393")

# Personal email domains with rough Italian shares.
EMAIL_DOMAINS = (("gmail.com", 40), ("libero.it", 14), ("hotmail.it", 9), ("yahoo.it", 6), ("outlook.it", 5),
                 ("virgilio.it", 4), ("alice.it", 3), ("icloud.com", 4), ("hotmail.com", 3), ("live.it", 3),
                 ("tiscali.it", 2), ("fastwebnet.it", 2), ("tim.it", 1), ("outlook.com", 2), ("email.it", 1))
# Domains an old address sits at (cleaned/bounced in Mailchimp, typo'd by a cashier).
EMAIL_DOMAIN_TYPOS = {"gmail.com": "gmial.com", "libero.it": "libero.ti", "hotmail.it": "hotmial.it",
                      "yahoo.it": "yaho.it", "outlook.it": "outlok.it", "virgilio.it": "virglio.it"}
# Local parts of "random" personal addresses (not derived from the name).
EMAIL_WORDS = ("stellina", "lupo", "ciaobella", "pippo", "sunshine", "topolino", "micia", "dragone",
               "fragolina", "tigre", "bomber", "nuvola", "angioletto", "sole", "luna", "kikka", "birba",
               "farfalla", "gattina", "stregatto", "vento", "marinaio", "principessa", "diavoletto")
JUNK_EMAILS = ("test@test.com", "nomail@nomail.it", "no@no.it", "a@a.it", "cliente@cliente.it")
JUNK_PHONES = ("0000000", "000000000", "1234567", "3330000000")


@dataclass(frozen=True)
class Product:
    name: str
    sku: str
    price: float
    home: bool  # home goods (casa) or fashion


PRODUCTS = (
    Product("Maglione in lana merino", "BR-MAG-014", 59.90, False),
    Product("Camicia in lino", "BR-CAM-022", 49.90, False),
    Product("Jeans slim fit", "BR-JNS-003", 69.90, False),
    Product("Trench in cotone", "BR-GIA-101", 149.00, False),
    Product("Sciarpa in cashmere", "BR-SCI-007", 79.00, False),
    Product("T-shirt cotone biologico", "BR-TSH-050", 19.90, False),
    Product("Abito in seta", "BR-ABT-031", 129.00, False),
    Product("Borsa in pelle", "BR-BOR-011", 119.00, False),
    Product("Cappotto in lana", "BR-CAP-002", 229.00, False),
    Product("Sneakers in pelle", "BR-SNK-008", 99.00, False),
    Product("Foulard stampato", "BR-FOU-019", 35.00, False),
    Product("Pigiama in cotone", "BR-PIG-004", 45.00, False),
    Product("Cuscino in velluto", "BR-CUS-112", 29.90, True),
    Product("Plaid in lana", "BR-PLA-020", 89.00, True),
    Product("Set lenzuola in percalle", "BR-LEN-033", 99.00, True),
    Product("Tovaglia in lino", "BR-TOV-015", 59.00, True),
    Product("Candela profumata", "BR-CAN-090", 24.90, True),
    Product("Vaso in ceramica", "BR-VAS-041", 39.90, True),
    Product("Set asciugamani in spugna", "BR-ASC-006", 34.90, True),
    Product("Tazza in gres", "BR-TAZ-077", 12.90, True),
    Product("Tende in lino", "BR-TEN-012", 79.00, True),
    Product("Lampada da tavolo", "BR-LAM-005", 89.90, True),
    Product("Copripiumino matrimoniale", "BR-COP-009", 129.00, True),
    Product("Servizio piatti 18 pezzi", "BR-PIA-018", 149.00, True),
    Product("Poltrona in velluto", "BR-POL-001", 449.00, True),
    Product("Tappeto in lana 200x300", "BR-TAP-002", 590.00, True),
)
# Relative popularity (cheap everyday items sell more often than furniture).
PRODUCT_WEIGHTS = tuple(1.0 / (1.0 + p.price / 60.0) ** 1.5 for p in PRODUCTS)

# Newsletter campaigns of the year, sent every other Tuesday (title, slug used in utm_campaign).
EMAIL_CAMPAIGNS = (
    "Saldi invernali fino al -50%", "Ultimi giorni di saldi", "San Valentino: idee regalo",
    "Nuova collezione primavera", "Speciale casa: il lino", "Festa della donna", "Pasqua a tavola",
    "Primavera in città", "Festa della mamma", "Weekend -20% sul tessile casa", "Aspettando l'estate",
    "Saldi estivi", "Saldi estivi: ultimi pezzi", "Speciale vacanze", "Ferragosto: negozi aperti",
    "Back to school", "Nuova collezione autunno", "Il cashmere è tornato", "Speciale casa: plaid e coperte",
    "Halloween in tavola", "Black Friday in anteprima", "Black Friday", "Idee regalo di Natale",
    "Natale: consegna garantita", "Buone feste da Bottega Rossi", "Auguri e novità 2026",
)
# Meta lead-ad campaigns (name, form name).
LEAD_CAMPAIGNS = (
    ("BR | Lead gen | Primavera 2025", "Sconto benvenuto 10%"),
    ("BR | Lead gen | Casa", "Catalogo casa gratuito"),
    ("BR | Lead gen | Saldi estivi", "Accesso anticipato ai saldi"),
    ("BR | Lead gen | Natale", "Idee regalo: iscriviti"),
)
LEAD_ADSETS = ("Lombardia 25-54 Donne", "Italia 30-60 Interessi casa", "Lookalike clienti 1%", "Retargeting sito 30gg")
LEAD_ADS = ("Carosello novità", "Video negozio", "Immagine singola -10%", "Collezione casa")

# Traffic sources of web sessions (utm_source, utm_medium, utm_campaign) that are not the newsletter.
WEB_SOURCES = (
    (("google", "cpc", "brand_search"), 14),
    (("google", "cpc", "shopping_casa"), 8),
    (("google", "organic", "(organic)"), 25),
    (("(direct)", "(none)", "(direct)"), 30),
    (("facebook", "paid_social", "prospecting_primavera"), 8),
    (("instagram", "paid_social", "retargeting_carrello"), 10),
    (("bing", "organic", "(organic)"), 2),
    (("pinterest", "referral", "(referral)"), 3),
)
SITE = "https://www.bottegarossi.it"
