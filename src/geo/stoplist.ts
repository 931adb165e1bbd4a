/**
 * Word lists that keep the geocoder from reading ordinary capitalised words and person names
 * as places. All entries are general English / news vocabulary, never tuned to one text.
 */

/**
 * Capitalised words that are also GeoNames place names but in English news almost always mean
 * something else: months, weekdays, common nouns and titles that start sentences or headlines,
 * outlet words, compass words. A stop word is still a place when a ", State" suffix follows it
 * ("Mobile, Ala.") or it is part of a longer name ("Reading Township" is looked up whole).
 */
export const STOP_WORDS = new Set<string>([
  // calendar
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Today', 'Tonight',
  'Christmas', 'Easter', 'Halloween', 'Thanksgiving', 'Spring', 'Summer', 'Winter', 'Fall', 'Autumn',
  // function words and pronouns that exist as (foreign) place names: Of (TR), As (BE), Is, On ...
  'A', 'An', 'The', 'Of', 'In', 'On', 'At', 'As', 'By', 'To', 'Is', 'It', 'He', 'She', 'We', 'They', 'I',
  'Be', 'Do', 'Go', 'No', 'So', 'Or', 'Oh', 'Us', 'Up', 'All', 'And', 'But', 'For', 'Not', 'Man', 'Van',
  'One', 'Two', 'Three', 'Who', 'Why', 'How', 'What', 'When', 'Where', 'This', 'That', 'Then', 'There',
  'Here', 'Now', 'Said', 'Says', 'Told', 'Also', 'After', 'Before', 'During', 'While', 'Just', 'More', 'Most',
  'Some', 'Many', 'Much', 'Other', 'Every', 'Each', 'Both', 'Only', 'Even', 'Still', 'Yet', 'Over', 'Under',
  // more function words that name foreign towns (Sincé CO, Can TR, Our ...), common in all-caps copy
  'Since', 'Until', 'Among', 'Despite', 'Because', 'Although', 'Though', 'Against', 'Through', 'Without',
  'About', 'Above', 'Below', 'Again', 'Ago', 'Later', 'Soon', 'Once', 'Very', 'Such', 'Same', 'Our', 'Can',
  'Will', 'Must', 'Would', 'Could', 'Should',
  'Police', 'Sheriff', 'Officer', 'Officers', 'Deputy', 'Deputies', 'Trooper', 'Detective', 'Chief', 'Judge',
  'Court', 'Jail', 'Prison', 'Justice', 'Law', 'Crime', 'Murder', 'Gun', 'Guns', 'Fire', 'Rescue', 'Emergency',
  'Sale', 'Deal', 'Best', 'Alert', 'Boring', 'Home', 'Center', 'Centre',
  'Post', 'Sun', 'Star', 'Globe', 'Tribune', 'Herald', 'Times', 'Time', 'News', 'Press', 'Journal',
  'Channel', 'Street', 'Church', 'Hospital', 'University', 'College', 'School', 'Station', 'Airport',
  'North', 'South', 'East', 'West', 'Northeast', 'Northwest', 'Southeast', 'Southwest', 'Central',
  'Downtown', 'Midtown', 'Uptown', 'Mount', 'Lake', 'River', 'Park', 'Beach', 'Bay', 'Hill', 'Hills',
  'Valley', 'Springs', 'Falls', 'Island', 'Islands', 'Memorial', 'Metro', 'City', 'County', 'State',
  'Department', 'Office', 'Federal', 'National', 'International', 'Family', 'Friends', 'Love', 'Life',
  'God', 'Jesus', 'Christ', 'Bible', 'Black', 'White', 'Brown', 'Green', 'Gray', 'Grey', 'Red', 'Blue',
  'Young', 'King', 'Price', 'Early', 'Ball', 'Long', 'Little', 'Good', 'Best', 'Happy', 'Royal',
  'Republic', 'Congress', 'Senate', 'House', 'Capitol',
  'Police Department', 'Photo', 'Video', 'Watch', 'Update', 'Updated', 'Breaking', 'Read', 'Click', 'Share',
  'Comments', 'Comment', 'Email', 'Print', 'Subscribe', 'Sign', 'Login', 'Search', 'Menu', 'Weather',
  'Sports', 'Traffic', 'Entertainment', 'Opinion', 'Business', 'Health', 'Politics', 'Local', 'World',
  'Man', 'Woman', 'Boy', 'Girl', 'Teen', 'Baby', 'Child', 'Mother', 'Father', 'Mom', 'Dad', 'Son', 'Daughter',
  'Dead', 'Killed', 'Shot', 'Shooting', 'Wounded', 'Injured', 'Victim', 'Suspect', 'Arrest', 'Arrested',
  'Gunman', 'Gunfire', 'Stabbing', 'Attack', 'Bomb', 'Blast', 'Army', 'Navy', 'Marine', 'Marines',
  'Islamic', 'Muslim', 'Christian', 'Arab', 'Kurdish', 'Kurds', 'Sunni', 'Shia', 'Shiite', 'Allah',
  'Mosque', 'Market', 'Square', 'Bridge', 'Road', 'Village', 'Town', 'District', 'Province', 'Region',
  'Media', 'Social', 'Twitter', 'Facebook', 'Instagram', 'YouTube', 'Google', 'Apple', 'Amazon',
  'Walmart', 'Target', 'Kroger', 'Safeway', 'Shell', 'Chevron', 'Marathon', 'Subway', 'Wendy',
  'Ford', 'Dodge', 'Chevy', 'Buick', 'Lexus', 'Mercedes', 'Cadillac', 'Honda', 'Toyota', 'Nissan',
  'Trump', 'Obama', 'Bush', 'Clinton', 'Kerry', 'Assad', 'Putin',
  'Ali', 'Mohammed', 'Muhammad', 'Ahmed', 'Ahmad', 'Hassan', 'Hussein', 'Omar', 'Abu', 'Umm', 'Bin', 'Ibn',
  'General', 'Major', 'Colonel', 'Captain', 'Sergeant', 'Lieutenant', 'Commander', 'Governor', 'Mayor',
  'President', 'Minister', 'Secretary', 'Director', 'Spokesman', 'Spokeswoman', 'Attorney', 'Prosecutor',
  'Senior', 'Junior', 'Saint', 'Fort', 'Port', 'New', 'Old', 'Upper', 'Lower', 'Great', 'Greater',
]);

/**
 * Common US first names (and a few common Arabic given names). A place-name token right after one
 * of these ("John Jackson", "Ali Aleppo") is part of a person's name.
 */
export const FIRST_NAMES = new Set<string>([
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua',
  'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan',
  'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon',
  'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Frank', 'Patrick', 'Raymond', 'Jack', 'Dennis', 'Jerry',
  'Tyler', 'Aaron', 'Jose', 'Adam', 'Nathan', 'Henry', 'Douglas', 'Zachary', 'Peter', 'Kyle', 'Ethan',
  'Walter', 'Noah', 'Jeremy', 'Christian', 'Keith', 'Roger', 'Terry', 'Gerald', 'Harold', 'Sean',
  'Austin', 'Carl', 'Arthur', 'Lawrence', 'Dylan', 'Jesse', 'Jordan', 'Bryan', 'Billy', 'Joe', 'Bruce',
  'Gabriel', 'Logan', 'Albert', 'Willie', 'Alan', 'Juan', 'Wayne', 'Elijah', 'Randy', 'Roy', 'Vincent',
  'Ralph', 'Eugene', 'Russell', 'Bobby', 'Mason', 'Philip', 'Louis', 'Johnny', 'Jimmy', 'Antonio',
  'Luis', 'Carlos', 'Miguel', 'Marcus', 'Darius', 'Tyrone', 'Andre', 'Terrell', 'Jamal', 'Malik',
  'DeAndre', 'Demetrius', 'Cedric', 'Derrick', 'Travis', 'Shawn', 'Curtis', 'Leon', 'Calvin', 'Marvin',
  'Lamar', 'Reginald', 'Corey', 'Darnell', 'Dwayne', 'Tony', 'Eddie', 'Freddie', 'Ricky', 'Victor',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Margaret', 'Sandra', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
  'Carol', 'Amanda', 'Dorothy', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia',
  'Kathleen', 'Amy', 'Angela', 'Shirley', 'Anna', 'Brenda', 'Pamela', 'Emma', 'Nicole', 'Helen',
  'Samantha', 'Katherine', 'Christine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Catherine', 'Maria',
  'Heather', 'Diane', 'Ruth', 'Julie', 'Olivia', 'Joyce', 'Virginia', 'Victoria', 'Kelly', 'Lauren',
  'Christina', 'Joan', 'Evelyn', 'Judith', 'Megan', 'Andrea', 'Cheryl', 'Hannah', 'Jacqueline', 'Martha',
  'Gloria', 'Teresa', 'Ann', 'Sara', 'Madison', 'Frances', 'Kathryn', 'Janice', 'Jean', 'Abigail',
  'Alice', 'Judy', 'Sophia', 'Grace', 'Denise', 'Amber', 'Doris', 'Marilyn', 'Danielle', 'Beverly',
  'Isabella', 'Theresa', 'Diana', 'Natalie', 'Brittany', 'Charlotte', 'Marie', 'Kayla', 'Alexis', 'Lori',
  'Tiffany', 'Latoya', 'Keisha', 'Tamika', 'Ebony', 'Shanice', 'Aaliyah', 'Jasmine', 'Destiny', 'Brianna',
  'Florence', 'Georgia', 'Carolina', 'Dakota', 'Sierra', 'Savannah', 'Brooklyn', 'Paris', 'Austin',
  'Dallas', 'Houston', 'Denver', 'Phoenix', 'Aurora', 'Chelsea', 'Sydney', 'Orlando', 'Marion', 'Troy',
  'Ali', 'Mohammed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ahmad', 'Hassan', 'Hussein', 'Omar', 'Khalid',
  'Abdul', 'Abdullah', 'Ibrahim', 'Mustafa', 'Yusuf', 'Fatima', 'Aisha', 'Layla', 'Mahmoud', 'Youssef',
]);

/**
 * Place names that are also common given names, surnames or words. They are places only with some
 * evidence: a location preposition ("in Jackson"), a ", State" suffix, a dateline, or use as a place
 * adjective ("a Mobile man", "Jackson police").
 */
export const AMBIGUOUS_NAMES = new Set<string>([
  'Victoria', 'Florence', 'Marion', 'Aurora', 'Eugene', 'Tyler', 'Troy', 'Warren', 'Chester', 'Clinton',
  'Lincoln', 'Jefferson', 'Franklin', 'Hamilton', 'Madison', 'Monroe', 'Jackson', 'Lawrence', 'Sherman',
  'Eden', 'Zion', 'Bethlehem', 'Canaan', 'Goshen', 'Salem', 'Trinity', 'Temple', 'Harmony', 'Unity',
  'Friendship', 'Concord', 'Independence', 'Freedom', 'Mobile', 'Reading', 'Bath', 'Hope', 'Mission',
  'Commerce', 'Union', 'Liberty', 'Victory', 'Enterprise', 'Progress', 'Paradise', 'Eagle', 'Orange',
  'Georgia', 'Jordan', 'Chad',
  'Chelsea', 'Camden', 'Kent', 'Douglas', 'Vernon', 'Milton',
  'Washington', 'Wayne', 'Carson', 'Lafayette', 'Fairfax', 'Jasper', 'Quincy', 'Hudson',
  'Logan', 'Mason', 'Clayton', 'Taylor', 'Marshall', 'Hunt', 'Kendall', 'Preston', 'Bradley',
  'Homer', 'Howard', 'Laurel', 'Lebanon', 'Jena', 'Lee', 'Nelson',
]);

/** Titles and roles that precede a person's name ("Officer Jackson", "Sgt. Marion Lee"). */
export const PERSON_TITLES = new Set<string>([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sgt', 'Sergeant', 'Officer', 'Detective', 'Det', 'Lt', 'Lieutenant',
  'Capt', 'Captain', 'Cpl', 'Corporal', 'Deputy', 'Chief', 'Sheriff', 'Judge', 'Justice', 'Rev', 'Reverend',
  'Pastor', 'Father', 'Sister', 'Brother', 'Gov', 'Governor', 'Sen', 'Senator', 'Rep', 'Representative',
  'President', 'Mayor', 'Coach', 'Prof', 'Professor', 'Attorney', 'Trooper', 'Agent', 'Commissioner',
  'Councilman', 'Councilwoman', 'Alderman', 'Pvt', 'Private', 'Gen', 'General', 'Col', 'Colonel', 'Maj',
  'Major', 'Spokesman', 'Spokeswoman', 'Prosecutor', 'Dep', 'Ofc', 'Patrolman', 'Sheikh', 'Imam',
]);

/** Words after a name that make it a street, not a town ("Jackson Street", "Main St."). */
export const STREET_SUFFIXES = new Set<string>([
  'Street', 'St', 'Avenue', 'Ave', 'Av', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Drive', 'Dr', 'Lane', 'Ln',
  'Way', 'Court', 'Ct', 'Place', 'Pl', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Circle', 'Cir', 'Terrace',
  'Ter', 'Trail', 'Trl', 'Pike', 'Alley', 'Expressway', 'Expy', 'Freeway', 'Fwy', 'Turnpike', 'Tpke',
  'Crossing', 'Row', 'Plaza', 'Loop', 'Square', 'Sq', 'Run', 'Path', 'Bend', 'Point', 'Ridge', 'Cove',
  'Apartments', 'Apts', 'Mall', 'Park', 'Elementary', 'High', 'Middle', 'Academy', 'Hall', 'Hotel',
  'Inn', 'Motel', 'Church', 'Cemetery', 'Bridge', 'Tunnel', 'Creek', 'Lake', 'River',
]);

/** Words after a name that make it an administrative area: county-level mention. */
export const COUNTY_WORDS = new Set<string>(['County', 'Parish', 'Borough', 'Co']);

/**
 * Capitalised words that may follow a town name in an organisation or area name while the town
 * is still the place meant ("Chicago Police", "Memphis Fire Department", "Flint Township").
 */
export const INSTITUTION_WORDS = new Set<string>([
  'Police', 'Fire', 'Sheriff', 'Sheriffs', 'Metro', 'Metropolitan', 'Public', 'City', 'Township', 'Twp',
  'Mayor', 'Council', 'School', 'Schools', 'Regional', 'Medical', 'Memorial', 'Community', 'General',
  'Hospital', 'University', 'College', 'Area', 'Department', 'Municipal', 'District', 'Housing', 'Transit',
  'International', 'Airport', 'Fire-Rescue', 'EMS', 'PD', 'Homicide', 'Crime', 'Circuit', 'Superior',
  'Criminal', 'County', 'Parish', 'Village', 'Heights', 'Police-Fire', 'Division', 'Unit', 'Office',
  'Coroner', 'Coroners', 'Chamber', 'Town', 'Board', 'Emergency', 'Times', 'Post', 'Tribune', 'Herald',
  'Star', 'News', 'Journal', 'Gazette', 'Sun', 'Courier', 'Daily', 'Observer', 'Chronicle', 'Inquirer',
  'Register', 'Examiner', 'Bee', 'Star-Telegram', 'Courant', 'Dispatch', 'Democrat', 'Republican',
  'Free', 'Press', 'Globe', 'Record', 'Enquirer', 'Sentinel', 'Advertiser', 'Leader',
]);

/** Words after a bare name that make it a person ("Jackson said", "Marion told reporters"). */
export const PERSON_FOLLOWERS = new Set<string>([
  'said', 'says', 'told', 'added', 'testified', 'pleaded', 'wrote', 'explained', 'recalled', 'stated',
  'confirmed', 'insisted', 'admitted', 'denied', 'asked', 'replied', 'allegedly', 'was', 'is', 'has',
  'had', 'who', 'whose', 'and',
]);

/** Prepositions that introduce a location ("in Raqqa", "near Aleppo", "a man from Joliet"). */
export const LOCATION_PREPOSITIONS = new Set<string>([
  'in', 'near', 'at', 'of', 'from', 'outside', 'to', 'into', 'across', 'around', 'throughout', 'toward',
  'towards', 'between', 'within', 'inside', 'through', 'via', 'nearby', 'and', 'besieged', 'northern',
  'southern', 'eastern', 'western', 'central', 'rural', 'downtown', 'suburban',
]);

/**
 * The location prepositions that still mark a place in all-caps text, where capitals say nothing
 * ("IN ROME", "NEAR SOL" but not "THE FRONT AND", "TO SET", "OF OUR").
 */
export const STRONG_LOCATION_PREPOSITIONS = new Set<string>([
  'in', 'near', 'at', 'from', 'outside', 'into', 'toward', 'towards', 'inside', 'within', 'around',
  'throughout', 'across', 'besieged', 'northern', 'southern', 'eastern', 'western', 'central', 'rural',
  'downtown', 'suburban',
]);

/** Neighbouring words that show a name is used as a place adjective ("a Memphis man"). */
export const PLACE_NOUNS = new Set<string>([
  'man', 'woman', 'men', 'women', 'boy', 'girl', 'teen', 'teenager', 'resident', 'residents', 'police',
  'officer', 'officers', 'home', 'house', 'apartment', 'neighborhood', 'neighbourhood', 'area', 'suburb',
  'family', 'couple', 'father', 'mother', 'mom', 'dad', 'native', 'street', 'streets', 'park', 'store',
  'school', 'bar', 'nightclub', 'club', 'restaurant', 'gas', 'motel', 'hotel', 'church', 'mosque',
  'hospital', 'city', 'town', 'village', 'province', 'countryside', 'countryside', 'authorities',
  'shooting', 'shootings', 'homicide', 'homicides', 'killing', 'killings', 'murder', 'murders', 'violence',
  'mayor', 'council', 'businesses', 'business', 'community', 'youth', 'youths', 'student', 'students',
  'native', 'couple', 'based', 'area',
]);

/**
 * Regions larger than a country, written as names ("Latin America", "the Middle East"): none is
 * a place of the gazetteer, and their last word must not be read alone ("America" is the US).
 * Lower-case words; matched whole, each word capitalised except "of" and "the".
 */
export const SUPRANATIONAL_REGIONS: string[][] = [
  ['latin', 'america'], ['central', 'america'], ['south', 'america'], ['north', 'america'],
  ['the', 'americas'], ['middle', 'east'], ['far', 'east'], ['southeast', 'asia'],
  ['south', 'asia'], ['central', 'asia'], ['east', 'asia'], ['western', 'europe'], ['eastern', 'europe'],
  ['central', 'europe'], ['north', 'africa'], ['west', 'africa'], ['east', 'africa'], ['southern', 'africa'],
  ['central', 'africa'], ['sub-saharan', 'africa'], ['horn', 'of', 'africa'], ['andean', 'region'],
];
