"""Vocabulary for synthetic demo data. Every name, place and plate here is
invented; combinations are drawn from a seeded generator."""

from __future__ import annotations

CODENAMES = (
    "KWARTS",
    "ONYX",
    "BERK",
    "ESDOORN",
    "MISTRAL",
    "GRANIET",
    "AGAAT",
    "LINDE",
    "JASPIS",
    "OPAAL",
    "WILG",
    "HAZELAAR",
    "BASALT",
    "KORAAL",
    "TOPAAS",
    "IEP",
    "DOLOMIET",
    "MARMER",
    "SIRROCO",
    "BOREAS",
    "KOBALT",
    "FLINT",
    "LEISTEEN",
    "OBSIDIAAN",
    "ROBIJN",
    "SAFFIER",
    "TOERMALIJN",
    "ZILVERSPAR",
    "BEUK",
    "KASTANJE",
    "ELS",
    "JADE",
    "BARNSTEEN",
    "PYRIET",
    "MALACHIET",
    "AMETHIST",
    "CEDER",
    "TAXUS",
    "HULST",
    "VLIER",
    "LARIKS",
    "NOORDERLICHT",
)
OWN_RUNNERS = ("Valk", "Reiger", "Uil")
OWN_HANDLER = "Havik"
COLLEAGUES = ("Kraai", "Specht", "Zwaluw")

LOCATIONS = (
    "ANKER",
    "MOLEN",
    "BRUG-7",
    "KADE",
    "HAVEN-2",
    "TOREN",
    "SLUIS",
    "POLDER",
    "DIJK",
    "VEER",
    "GEMAAL",
    "STUW",
    "BAKEN",
    "KRUIS-4",
    "HOEVE",
    "SCHUUR",
)
FIRST_NAMES = (
    "Dirk",
    "Sanne",
    "Youssef",
    "Marco",
    "Lotte",
    "Bram",
    "Ilse",
    "Kevin",
    "Naima",
    "Ricardo",
    "Fleur",
    "Jesse",
    "Anouk",
    "Mehmet",
    "Ruben",
    "Priya",
    "Stefan",
    "Chantal",
    "Ferdi",
    "Joëlle",
)
SURNAMES = (
    "de Wit",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "El Amrani",
    "Kramer",
    "Jansen",
    "Mulder",
    "de Groot",
    "Bos",
    "Koç",
    "van Dijk",
    "Hendriks",
    "Peeters",
    "Özdemir",
    "Brouwer",
    "Dekker",
)
PLACES = (
    "the car wash on the Industrieweg",
    "a shisha lounge near the station",
    "a storage unit complex in the port area",
    "snack bar De Hoek",
    "the marina",
    "parking deck P3 at the shopping centre",
    "a garage box behind the sports park",
    "a barber shop on the Markt",
    "the truck stop on the A12",
    "a flat above a phone shop",
)
VEHICLES = (
    "grey VW Transporter",
    "black Audi A6",
    "white Mercedes Sprinter",
    "blue BMW 3 series",
    "red scooter",
    "silver Toyota RAV4",
    "dark green Range Rover",
    "white Renault Master",
)
ORGANISATIONS = (
    "transport firm De Vries Logistiek",
    "the Noord crew",
    "a cash-for-gold shop",
    "car dealer Autohandel Centrum",
    "a cleaning company in Zuid",
    "the Oost group",
)
GOODS = ("cash", "cocaine", "cannabis", "firearms", "stolen phones", "precursor chemicals")
TIMEFRAMES = (
    "the coming weekend",
    "next Tuesday night",
    "the end of the month",
    "within two weeks",
    "after the holidays",
    "tonight",
)
TOPICS = (
    "a shipment through the port",
    "a cash collection",
    "a debt dispute",
    "an intimidation of a shop owner",
    "moving a weapons stash",
    "a new supply route",
    "laundering money through a car dealer",
    "recruiting young couriers",
)

REFLECTIONS = (
    "The source has a personal grudge against {person}; the account may be coloured by it.",
    "The source heard this second-hand at a party; details may have shifted in retelling.",
    "The source may be testing whether we act on it; corroborate before any action.",
    "The source was paid last month and may feel pressure to deliver; weigh accordingly.",
    "Nothing suggests exaggeration; the detail matches what the source has seen before.",
)
WELFARE = (
    "Source appeared calm and well rested.",
    "Source mentioned money worries and sleeping badly.",
    "Source is worried that {person} suspects a leak; reassured and reminded of the safety plan.",
    "No welfare concerns noted.",
)
SECURITY = (
    "Counter-surveillance route followed; nothing unusual observed.",
    "A car circled the meeting point twice; meeting moved to the fallback location.",
    "Source arrived by public transport as instructed.",
    "Source's phone was switched off and left in the car as agreed.",
)
RECON = (
    "Route checked the evening before; two exits, no cameras at the entrance.",
    "Fallback location confirmed open until 22:00.",
    "Building works nearby; avoid the north entrance.",
)
MOTIVATIONS = (
    "Financial: wants to pay off debts.",
    "Revenge on a former associate.",
    "Wants to leave the scene and sees this as a way out.",
    "Concern about younger relatives being drawn in.",
)
POSITIONS = (
    "Works as a driver for {org}; sees deliveries and hears talk in the canteen.",
    "Close friend of {person}; present at weekly gatherings at {place}.",
    "Rents out a garage box used by members of {org}.",
    "Occasional courier; knows the routes but not the organisers.",
)
TASKINGS = (
    "Find out when the next delivery to {place} is planned.",
    "Identify who drives the {vehicle}.",
    "Establish whether {person} still uses the storage unit.",
    "Report any talk about {topic}.",
)
LIMITS = (
    "Observe and listen only; do not ask direct questions.",
    "No entry into premises; no contact with minors.",
    "Do not take part in any offence; break off if asked to carry anything.",
)
STREETS = ("Kerkstraat", "Dorpsweg", "Havenkade", "Lindelaan", "Molenweg", "Schoolstraat")
