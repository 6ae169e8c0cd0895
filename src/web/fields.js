// The form's description of the avtal/1 model: every field once, with its
// label and one-line hint in both languages and where the rule comes from.
// app.js builds the form, reads it into an agreement and writes an
// agreement back into it from this description alone.

const t = (sv, en) => ({ sv, en });

export const enums = {
  kind: [
    ['municipality', t('Kommun', 'Municipality')],
    ['region', t('Region', 'Region')],
    ['municipal_federation', t('Kommunalförbund', 'Municipal federation')],
    ['municipal_company', t('Kommunalt bolag', 'Municipal company')],
    ['private_company', t('Privat aktör', 'Private company')],
    ['state_agency', t('Statlig myndighet', 'State agency')],
  ],
  nature: [
    ['service', t('Insats (tjänst)', 'Service')],
    ['exercise_of_authority', t('Myndighetsutövning', 'Exercise of public authority')],
  ],
  area: [
    ['social_services', t('Socialtjänst', 'Social services')],
    ['family_law', t('Familjerätt', 'Family law')],
    ['elderly_care', t('Äldreomsorg', 'Elderly care')],
    ['disability', t('Funktionsstöd (LSS)', 'Disability support')],
    ['children_and_youth', t('Barn och unga', 'Children and youth')],
    ['addiction', t('Missbruk och beroende', 'Addiction')],
    ['health_care', t('Hälso- och sjukvård', 'Health care')],
    ['education', t('Utbildning', 'Education')],
    ['planning_and_building', t('Plan och bygg', 'Planning and building')],
    ['environment', t('Miljö', 'Environment')],
    ['it', t('IT', 'IT')],
    ['hr', t('Personal och lön', 'HR and payroll')],
    ['waste', t('Avfall', 'Waste')],
    ['other', t('Annat', 'Other')],
  ],
  category: [
    ['general', t('Allmän tjänst', 'General service')],
    ['social_and_other_specific', t('Sociala tjänster och andra särskilda tjänster (bilaga 2 till LOU)', 'Social and other specific services (LOU annex 2)')],
    ['welfare', t('Välfärdstjänst (bilaga 2 a till LOU; sedan 2022-02-01 i bilaga 2)', 'Welfare service (LOU annex 2 a; since 2022-02-01 in annex 2)')],
  ],
  decision_body: [
    ['council', t('Fullmäktige', 'The council')],
    ['committee', t('En nämnd eller styrelsen', 'A committee or the board')],
    ['not_decided', t('Inte beslutat än', 'Not decided yet')],
  ],
  tolerance_unit: [
    ['amount', t('kronor', 'kronor')],
    ['percent', t('procent av uppdragsgivarnas del av kostnaden', "percent of the principals' part of the cost")],
  ],
  onward: [
    ['allowed', t('Tillåten', 'Allowed')],
    ['forbidden', t('Inte tillåten', 'Forbidden')],
  ],
  delegate_to: [
    ['employee', t('Anställd hos uppdragstagaren', "The contractor's employee")],
    ['consultant', t('Konsult', 'Consultant')],
    ['elected_official', t('Förtroendevald hos den andra parten', "The other party's elected official")],
    ['company_employee', t('Anställd i ett kommunalt bolag', 'Employee of a municipal company')],
  ],
  matter: [
    ['individual_case', t('Enskilt ärende', 'Individual case')],
    ['policy', t('Mål, inriktning, omfattning eller kvalitet', 'Goals, direction, scope or quality')],
    ['council_submission', t('Framställning eller yttrande till fullmäktige', 'Submission or opinion to the council')],
    ['appeal_statement', t('Yttrande över överklagat beslut', 'Opinion on an appealed decision')],
    ['matter_of_principle', t('Myndighetsutövning av principiell beskaffenhet eller större vikt', 'Exercise of authority of principle or greater importance')],
    ['citizen_proposal', t('Medborgarförslag', 'Citizen proposal')],
    ['reserved_by_statute', t('Förbehållet nämnden i annan lag', 'Reserved by another statute')],
    ['lvu_immediate_custody', t('Omedelbart omhändertagande enligt 6 § LVU', 'Immediate custody under LVU 6 §')],
    ['lvu_whereabouts_secret', t('Att inte röja den unges vistelseort enligt 14 § LVU', "Not revealing the young person's whereabouts (LVU 14 §)")],
  ],
  arrangement: [
    ['joint_controllership', t('Gemensamt personuppgiftsansvar (art. 26)', 'Joint controllership (art. 26)')],
    ['processor_agreement', t('Personuppgiftsbiträdesavtal (art. 28)', 'Processor agreement (art. 28)')],
    ['separate_controllers', t('Var och en ansvarar för sin behandling', 'Separate controllers')],
    ['none', t('Inget reglerat', 'None')],
  ],
  allocation_key: [
    ['population', t('Invånarantal', 'Population')],
    ['fixed_shares', t('Fasta andelar (procent)', 'Fixed shares (percent)')],
    ['usage', t('Nyttjande (ärenden, placeringar, timmar)', 'Usage (cases, placements, hours)')],
    ['personnel_cost_share', t('Andel av personalkostnaden', 'Share of personnel cost')],
  ],
  clause: [
    ['parties', t('Parter', 'Parties')],
    ['contractor_tasks', t('Uppdragstagarens uppgifter', "The contractor's tasks")],
    ['delegation_scope', t('Delegeringens omfattning', 'Scope of delegation')],
    ['economic_terms', t('Ekonomiska villkor', 'Economic terms')],
    ['information_handling', t('Informationshantering', 'Information handling')],
    ['follow_up', t('Uppföljning', 'Follow-up')],
    ['term', t('Avtalstid', 'Term')],
    ['termination', t('Uppsägning', 'Termination')],
    ['take_back', t('Att återta uppgiften', 'Taking the task back')],
    ['data_protection', t('Dataskydd', 'Data protection')],
    ['confidentiality', t('Sekretess', 'Confidentiality')],
    ['work_results', t('Arbetsresultat och upphovsrätt', 'Work results and copyright')],
    ['insurance', t('Försäkring', 'Insurance')],
    ['target_group', t('Målgrupp', 'Target group')],
    ['assignments', t('Uppdrag', 'Assignments')],
    ['economic_responsibility', t('Ekonomiskt ansvar', 'Economic responsibility')],
    ['procurement_parameter', t('Upphandlingsparametrar', 'Procurement parameters')],
    ['division_of_work', t('Arbetsfördelning', 'Division of work')],
  ],
};

const SKR = 'SKR, Avtalssamverkan inom socialtjänsten (2023)';
const SELF_COST = 'självkostnadsprincipen, 2 kap. 6 § kommunallagen';

// Field types: text, date, int, amount, percent, tri (yes/no/unknown),
// enum (with «Vet inte»), party (a party id), parties (a set of party ids),
// task (a task id).
export const agreementFields = [
  { key: 'id', type: 'text', label: t('Avtalets id', 'Agreement id'), hint: t('Ett kort namn utan mellanslag, t.ex. norrstrom-fjallviken.', 'A short name without spaces.') },
  { key: 'title', type: 'text', label: t('Avtalets rubrik', 'Title'), hint: t('Används när resultatet nämner avtalet.', 'Used when the result names the agreement.') },
  { key: 'assessment_date', type: 'date', label: t('Bedömningsdatum', 'Assessment date'), hint: t('ÅÅÅÅ-MM-DD. Dagen lagen tillämpas per: den väljer direktupphandlingsgräns och socialtjänstlag.', 'YYYY-MM-DD. The date the law is applied as of: it picks the direct-award limit and the social services act.'), cite: 'Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser' },
];

export const termFields = [
  { key: 'start', type: 'date', label: t('Avtalet gäller från', 'Term starts'), hint: t('ÅÅÅÅ-MM-DD. Avtalstidens första dag; årsrapporten till fullmäktige räknar med den.', "YYYY-MM-DD. The term's first day; the annual report to the council counts from it."), cite: '9 kap. 38 § kommunallagen' },
  { key: 'months', type: 'int', label: t('Avtalstid i månader', 'Term in months'), hint: t('Den fasta avtalstiden. Lämna tomt om avtalet saknar fast tid.', 'The fixed term; leave empty when there is none.'), cite: '5 kap. LOU' },
  { key: 'extension_months', type: 'int', label: t('Möjlig förlängning i månader', 'Extension options in months'), hint: t('Skriv 0 om avtalet inte kan förlängas: förlängningar räknas in i värdet.', 'Write 0 when there is none: options count in the value.'), cite: '5 kap. LOU' },
  { key: 'until_further_notice', type: 'tri', label: t('Gäller avtalet tills vidare?', 'Does it run until further notice?'), hint: t('Ett avtal tills vidare räknas som 48 månader.', 'Counted as 48 months.'), cite: '5 kap. LOU; artikel 5.14 i direktiv 2014/24/EU' },
];

export const partyFields = [
  { key: 'id', type: 'text', label: t('Partens id', 'Party id'), hint: t('Ett kort namn utan mellanslag, t.ex. norrstrom.', 'A short name without spaces.') },
  { key: 'name', type: 'text', label: t('Namn', 'Name'), hint: t('Som i avtalet, t.ex. «Norrströms kommun».', 'As in the agreement.') },
  { key: 'kind', type: 'enum', options: 'kind', label: t('Slag av part', 'Kind of party'), hint: t('Bara kommuner, regioner och kommunalförbund kan vara parter.', 'Only municipalities, regions and federations may be parties.'), cite: '9 kap. 37 § kommunallagen' },
  { key: 'population', type: 'int', label: t('Invånarantal', 'Population'), hint: t('Används av fördelningsnyckeln invånarantal.', 'Used by the population key.'), cite: SKR + ', kap. 2' },
  { key: 'mandate_covers_tasks', type: 'tri', only: p => p.kind === 'municipal_federation', label: t('Täcker förbundsordningen uppgifterna?', "Does the federation's charter cover the tasks?"), hint: t('Ett kommunalförbund får bara ta på sig uppgifter som förbundsordningen anger.', 'A federation may only take on tasks its charter names.'), cite: '9 kap. 6 § kommunallagen' },
  { key: 'decision_body', type: 'enum', options: 'decision_body', label: t('Vem har beslutat om avtalet hos parten?', 'Which body of the party decided on the agreement?'), hint: t('Ärenden av principiell beskaffenhet eller annars av större vikt, bland dem de ekonomiska villkoren, beslutas av fullmäktige.', 'Matters of principle or greater importance, among them the economic terms, are for the council.'), cite: '5 kap. 1 § kommunallagen; ' + 'SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 5' },
];

// A party's other direct awards of the same kind in the assessment year
// (other_direct_awards_same_kind), counted before 2022-02-01.
export const otherAwardFields = [
  { key: 'amount', type: 'amount', label: t('Partens övriga direktupphandlingar av samma slag under räkenskapsåret (kr, exkl. moms)', "The party's other direct awards of the same kind in the financial year (SEK, excl. VAT)"), hint: t('Räknades in i värdet före 2022-02-01. Tomt om okänt; 0 om inga.', 'Added to the value before 2022-02-01. Empty when unknown; 0 when none.'), cite: '19 kap. LOU i lydelse före 2022-02-01; 19 a kap. 1 § LOU' },
  { key: 'category', type: 'enum', options: 'category', label: t('Deras upphandlingskategori', 'Their procurement category'), hint: t('Väljer den gräns de räknas mot.', 'Selects the limit they count towards.'), cite: '19 kap. LOU i lydelse före 2022-02-01' },
];

export const taskFields = [
  { key: 'id', type: 'text', label: t('Uppgiftens id', 'Task id'), hint: t('Ett kort namn utan mellanslag.', 'A short name without spaces.') },
  { key: 'description', type: 'text', label: t('Beskrivning', 'Description'), hint: t('Vad uppdragstagaren utför.', 'What the contractor performs.') },
  { key: 'contractor', type: 'party', label: t('Uppdragstagare', 'Contractor'), hint: t('Den part som utför uppgiften.', 'The party that performs the task.'), cite: '9 kap. 37 § kommunallagen' },
  { key: 'principals', type: 'parties', label: t('Uppdragsgivare', 'Principals'), hint: t('De parter som köper uppgiften och behåller huvudmannaskapet.', 'The parties that buy the task and keep responsibility.'), cite: '9 kap. 37 § kommunallagen' },
  { key: 'huvudman', type: 'parties', label: t('Huvudman', 'Huvudman'), hint: t('Vem som ansvarar mot sina invånare; varje uppdragsgivare ska vara huvudman.', 'Who is responsible towards its residents; every principal must be.'), cite: SKR + ', kap. 2' },
  { key: 'nature', type: 'enum', options: 'nature', label: t('Slag av uppgift', 'Nature of the task'), hint: t('Myndighetsutövning omfattas inte av LOU; en insats ska upphandlas om inget undantag gäller.', 'Exercise of authority is outside LOU; a service must be procured unless excepted.'), cite: SKR + ', kap. 3' },
  { key: 'area', type: 'enum', options: 'area', label: t('Verksamhetsområde', 'Area'), hint: t('Avgör vilken speciallagstiftning som gäller utöver kommunallagen.', 'Decides which special legislation applies.'), cite: '9 kap. 37 § tredje stycket kommunallagen' },
  { key: 'category', type: 'enum', options: 'category', label: t('Upphandlingskategori', 'Procurement category'), hint: t('Väljer direktupphandlingsgräns. Osäker på välfärdstjänst? Välj sociala tjänster.', 'Picks the direct-award limit.'), cite: '19 a kap. LOU' },
  { key: 'target_group_children', type: 'tri', label: t('Är målgruppen barn?', 'Is the target group children?'), hint: t('Då behöver avtalet fler avsnitt enligt Socialstyrelsen.', 'Then the agreement needs more sections.'), cite: 'Socialstyrelsen, Avtal och överenskommelser' },
  { key: 'within_competence', type: 'tri', label: t('Ligger uppgiften inom uppdragsgivarnas egen kompetens?', "Is the task within the principals' own competence?"), hint: t('Bara det kommunen själv får göra kan lämnas över.', 'Only what the municipality may do itself can be handed over.'), cite: '2 kap. kommunallagen' },
  { key: 'within_contractor_competence', type: 'tri', label: t('Får uppdragstagaren själv utföra uppgifter av detta slag?', 'May the contractor itself perform tasks of this kind?'), hint: t('En kommun kan inte åta sig en regions uppgifter, och tvärtom. Vet ni inte avgör avtal det, när det går, utifrån parternas slag och verksamhetsområdet.', "A municipality cannot take on a region's tasks, or the reverse. If unknown, avtal decides it from the parties' kinds and the area where it can."), cite: '9 kap. 37 § kommunallagen; prop. 2017/18:151' },
  { key: 'annual_value', type: 'amount', label: t('Värde per år (kr, exkl. moms)', 'Value per year (SEK, excl. VAT)'), hint: t('Används för direktupphandlingsgränsen per deltagande kommun.', 'Used for the direct-award limit per participating municipality.'), cite: '5 kap. och 19 a kap. LOU' },
];

export const hamburgFields = [
  { key: 'establishes_cooperation', type: 'tri', label: t('Upprättar avtalet ett samarbete där varje part bidrar?', 'Does every party contribute to a cooperation?'), hint: t('En part som bara betalar medan den andra bara utför är ett köp (C-429/19 Remondis).', 'One side only paying is a purchase.'), cite: '3 kap. 17 § 1 LOU' },
  { key: 'common_objectives', type: 'tri', label: t('Säkerställer samarbetet gemensamma mål för offentliga tjänster?', 'Does it ensure public services for common objectives?'), hint: t('Tjänster som myndigheterna ska utföra.', 'Services the authorities must provide.'), cite: '3 kap. 17 § 1 LOU' },
  { key: 'public_interest_only', type: 'tri', label: t('Styrs samarbetet bara av allmänintresset?', 'Is it governed only by the public interest?'), hint: t('Inga affärsmässiga överväganden.', 'No commercial considerations.'), cite: '3 kap. 17 § 2 LOU' },
  { key: 'open_market_share_percent', type: 'percent', label: t('Marknadsandel på den öppna marknaden (procent)', 'Share performed on the open market (percent)'), hint: t('Måste vara under 20 procent av den verksamhet som berörs.', 'Must be below 20 percent.'), cite: '3 kap. 17 § 3 och 18 § LOU' },
];

export const teckalFields = [
  { key: 'similar_control', type: 'tri', label: t('Kontrollerar köparen leverantören som en egen förvaltning?', 'Does the buyer control the supplier like its own department?'), hint: t('Läses bara när uppdragstagaren är ett kommunalförbund.', 'Read only when the contractor is a federation.'), cite: '3 kap. 11–16 §§ LOU' },
  { key: 'activity_share_percent', type: 'percent', label: t('Andel av verksamheten för ägarna (procent)', 'Share of activity for the controlling authorities (percent)'), hint: t('Måste vara över 80 procent.', 'Must be over 80 percent.'), cite: '3 kap. 11–16 §§ LOU' },
  { key: 'private_capital', type: 'tri', label: t('Finns direkt privat kapital i leverantören?', 'Is there direct private capital?'), hint: t('Teckalundantaget kräver att det inte finns.', 'Teckal requires none.'), cite: '3 kap. 11–16 §§ LOU' },
];

export const delegationFields = [
  { key: 'used', type: 'tri', label: t('Delegeras beslutanderätt till uppdragstagarens anställda?', "Is decision power delegated to the contractor's staff?"), hint: t('Extern delegering inom avtalssamverkan.', 'External delegation.'), cite: '9 kap. 37 § andra stycket kommunallagen' },
  { key: 'agreed', type: 'tri', label: t('Anger avtalet delegeringen och dess omfattning?', 'Does the agreement state it and its extent?'), hint: t('Krävs när delegering används.', 'Required when delegation is used.'), cite: '9 kap. 37 § andra stycket kommunallagen' },
  { key: 'onward_delegation', type: 'enum', options: 'onward', label: t('Vidaredelegering', 'Onward delegation'), hint: t('Säger avtalet om vidaredelegering är tillåten?', 'Does it say whether onward delegation is allowed?'), cite: '7 kap. 6 § kommunallagen' },
  { key: 'reporting_to_principal', type: 'tri', label: t('Anger avtalet hur delegeringsbeslut anmäls till uppdragsgivarens nämnd?', "Does it say how decisions are reported to the principal's committee?"), hint: t('Beslut på delegation ska anmälas.', 'Decisions on delegation must be reported.'), cite: '7 kap. 8 § kommunallagen' },
];

export const delegateFields = [
  { key: 'task', type: 'task', label: t('Uppgift', 'Task'), hint: t('Den uppgift i avtalet delegeringen gäller.', 'The task of the agreement it concerns.'), cite: '9 kap. 37 § andra stycket kommunallagen' },
  { key: 'to', type: 'enum', options: 'delegate_to', label: t('Till vem', 'To whom'), hint: t('Bara anställda hos den andra parten får beslut delegerade.', "Only the other party's employees may receive delegation."), cite: '9 kap. 37 § andra stycket kommunallagen' },
  { key: 'employer', type: 'party', label: t('Arbetsgivare', 'Employer'), hint: t('Den part där delegaten är anställd.', "The delegate's employer."), cite: '9 kap. 37 § andra stycket kommunallagen' },
  { key: 'matter', type: 'enum', options: 'matter', label: t('Slag av ärende', 'Kind of matter'), hint: t('Vissa ärenden får aldrig delegeras.', 'Some matters may never be delegated.'), cite: '6 kap. 38 § kommunallagen' },
];

export const compensationFields = [
  { key: 'money_per_year', type: 'amount', label: t('Ersättning i pengar per år (kr)', 'Money paid per year (SEK)'), hint: t('Vad uppdragsgivarna betalar.', 'What the principals pay.'), cite: 'självkostnadsprincipen, 2 kap. 6 § kommunallagen' },
  { key: 'in_kind_value_per_year', type: 'amount', label: t('Värde av motprestation per år (kr)', 'Value of in-kind performance per year (SEK)'), hint: t('0 om ingen; tomt om det finns men saknar värde.', '0 when none; empty when it exists unvalued.'), cite: SKR + ', kap. 2' },
  { key: 'contractor_bears_share', type: 'bool', label: t('Används verksamheten också för uppdragstagarens egna invånare?', "Does the unit also serve the contractor's own residents?"), hint: t('Då bär uppdragstagaren sin egen andel av kostnaden.', 'Then the contractor bears its own share.'), cite: SKR + ', kap. 4' },
  { key: 'tolerance', type: 'tolerance', label: t('Godtagen avvikelse över självkostnaden', 'Accepted deviation above cost'), hint: t('I kronor eller i procent av uppdragsgivarnas del av kostnaden. Normalt 0.', "In kronor or as a percentage of the principals' part of the cost. Normally 0."), cite: SKR + ', kap. 2' },
];

export const costFields = [
  { key: 'staff', type: 'amount', label: t('Personal', 'Staff'), hint: t('Löner och sociala avgifter per år.', 'Salaries and charges per year.'), cite: SELF_COST },
  { key: 'premises', type: 'amount', label: t('Lokaler', 'Premises'), hint: t('Hyra och drift per år.', 'Rent and running costs per year.'), cite: SELF_COST },
  { key: 'overhead', type: 'amount', label: t('Overhead', 'Overhead'), hint: t('Ledning, administration, IT.', 'Management, administration, IT.'), cite: SELF_COST },
  { key: 'capital', type: 'amount', label: t('Kapital', 'Capital'), hint: t('Avskrivningar och ränta.', 'Depreciation and interest.'), cite: SELF_COST },
  { key: 'other', type: 'amount', label: t('Övrigt', 'Other'), hint: t('Andra kostnader.', 'Other costs.'), cite: SELF_COST },
];

export const informationFields = [
  { key: 'personal_data', type: 'tri', label: t('Behandlas personuppgifter?', 'Is personal data processed?'), hint: t('Då ska rollerna enligt dataskyddsförordningen vara reglerade.', 'Then the GDPR roles must be settled.'), cite: 'GDPR art. 24, 26, 28' },
  { key: 'arrangement', type: 'enum', options: 'arrangement', label: t('Personuppgiftsansvar', 'Controllership'), hint: t('Hur rollerna är reglerade.', 'How the roles are settled.'), cite: 'GDPR art. 26 och 28' },
  { key: 'records_responsibility', type: 'tri', label: t('Är ansvaret för diarieföring och arkiv angivet?', 'Is responsibility for records stated?'), hint: t('Behövs vid myndighetsutövning och delegering.', 'Needed for exercise of authority and delegation.'), cite: SKR + ', kap. 2' },
  { key: 'confidentiality', type: 'tri', label: t('Är sekretessen reglerad?', 'Is confidentiality regulated?'), hint: t('Behövs när personuppgifter behandlas.', 'Needed when personal data is processed.'), cite: SKR + ', kap. 2' },
];

export const oversightFields = [
  { key: 'follow_up', type: 'tri', label: t('Finns en rutin för uppföljning?', 'Is there a follow-up routine?'), hint: t('Nämndernas ansvar för intern kontroll.', "The committees' internal control."), cite: '6 kap. 6 § kommunallagen' },
  { key: 'annual_report_to_council', type: 'tri', label: t('Rapporterar styrelsen samverkan till fullmäktige varje år?', 'Does the board report it to the council every year?'), hint: t('Krav i kommunallagen.', 'Required by the Local Government Act.'), cite: '9 kap. 38 § kommunallagen' },
  { key: 'internal_control', type: 'tri', label: t('Är ansvaret för den interna kontrollen fördelat?', 'Is internal control assigned?'), hint: t('Vem som kontrollerar att avtalet följs.', 'Who checks that it is followed.'), cite: SKR + ', kap. 2' },
];

export const staffFields = [
  { key: 'moves_between_parties', type: 'tri', label: t('Flyttar personal mellan parterna?', 'Do staff move between the parties?'), hint: t('Kan vara en verksamhetsövergång.', 'May be a transfer of undertaking.'), cite: '6 b § anställningsskyddslagen' },
  { key: 'transfer_addressed', type: 'tri', label: t('Behandlar avtalet verksamhetsövergången?', 'Does it address the transfer?'), hint: t('Anställningarna följer med enligt lag.', 'Employment transfers by law.'), cite: '6 b § anställningsskyddslagen' },
  { key: 'work_environment_allocated', type: 'tri', label: t('Är arbetsmiljöansvaret fördelat?', 'Is work-environment responsibility allocated?'), hint: t('Mellan uppdragsgivare och uppdragstagare.', 'Between principal and contractor.'), cite: '3 kap. 2 § arbetsmiljölagen' },
];

export const otherFields = [
  { key: 'creates_copyright_material', type: 'tri', label: t('Skapas upphovsrättsligt skyddat material?', 'Is copyright material created?'), hint: t('Då bör avtalet reglera arbetsresultaten.', 'Then work results should be regulated.'), cite: SKR + ', kap. 2' },
];
