/** Word lists for plausible community-group news: who, what, where, when. */

export const TAGS = [
  'events', 'volunteering', 'city hall', 'advocacy', 'tool library', 'community garden', 'housing',
  'transport', 'youth', 'seniors', 'arts', 'environment', 'food bank', 'safety', 'schools', 'health',
  'fundraising', 'meetings', 'library', 'sports',
];

export const PEOPLE = [
  'Priya Raman', 'Ana Sousa', 'Sam Whitfield', 'Kwame Mensah', 'Léa Martin', 'Tomás Herrera',
  'Mei Lin', 'Olu Adeyemi', 'Fatima Haddad', 'Jonas Becker', 'Aiyana Redcloud', 'Grace O’Neill',
  'Dmitri Volkov', 'Sofia Rossi', 'Hannah Cohen', 'Ravi Patel',
];

export const GROUPS = [
  'the association', 'our volunteers', 'the board', 'a dozen neighbours', 'the garden committee',
  'the youth club', 'the tenants’ group', 'our members', 'the festival team', 'local families',
  'the seniors’ circle', 'the school council',
];

export const PLACES = [
  'the library', 'the community hall', 'Maple Street', 'the park on Elm Avenue', 'the school gym',
  'the corner of Oak and Main', 'the church basement', 'the farmers’ market', 'city hall',
  'the riverside path', 'the garden plots', 'the bus depot',
];

export const THINGS = [
  'clean-up', 'potluck', 'workshop', 'petition', 'fundraiser', 'tree planting', 'bike repair café',
  'coat drive', 'open meeting', 'street festival', 'seed swap', 'reading circle', 'survey',
  'walking tour', 'bake sale', 'board game night', 'repair day', 'film screening', 'food drive',
  'safety audit',
];

export const NOUNS = [
  'budget', 'crosswalk', 'garden', 'playground', 'bench', 'bike lane', 'bus stop', 'newsletter',
  'plan', 'grant', 'meeting', 'volunteer rota', 'tool shed', 'compost bin', 'mural', 'sidewalk',
  'notice board', 'rain barrel', 'street light', 'community fridge',
];

export const VERBS_PAST = [
  'organised', 'discussed', 'planned', 'celebrated', 'finished', 'repaired', 'painted', 'proposed',
  'approved', 'welcomed', 'counted', 'collected', 'presented', 'launched', 'reviewed', 'cleaned',
];

export const ADJECTIVES = [
  'busy', 'friendly', 'rainy', 'sunny', 'crowded', 'quiet', 'lively', 'chilly', 'long-awaited',
  'well-attended', 'first', 'annual', 'monthly', 'small', 'big', 'cheerful',
];

export const ADVERBS = [
  'quickly', 'together', 'again', 'at last', 'as promised', 'on time', 'with help from the city',
  'despite the weather', 'for the first time', 'once more',
];

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const TIMES = ['9 am', '10 am', '11:30 am', 'noon', '2 pm', '4 pm', '6:30 pm', '7 pm'];

export const HEADINGS = [
  'What happened', 'What we learned', 'What comes next', 'How to take part', 'Thank you',
  'The numbers', 'Why it matters', 'When and where', 'What to bring', 'Questions and answers',
  'A word from the board', 'Getting there', 'Who we met', 'Our next steps',
];

export const TITLE_PATTERNS = [
  (w) => `${w.adjective} ${w.thing} at ${w.place}`,
  (w) => `Join the ${w.thing} on ${w.day}`,
  (w) => `${w.group} ${w.verb} the ${w.noun}`,
  (w) => `News about the ${w.noun} on ${w.street}`,
  (w) => `Our ${w.adjective} ${w.thing}: a report`,
  (w) => `Help wanted for the ${w.thing}`,
  (w) => `A new ${w.noun} for ${w.place}`,
];

export const STREETS = ['Maple Street', 'Elm Avenue', 'Oak Lane', 'Birch Road', 'Main Street', 'Cedar Court'];
