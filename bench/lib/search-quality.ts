// The search-quality query set (issue 15): what patrons type, and the book they mean, over the
// demo's goodbooks-10k catalogue. Shared by bench/search-quality.ts, which prints the share found
// in the first three results, and tests/integration/search-quality.test.ts, which holds the floor.

export type QueryKind = "typo" | "run-together" | "punctuation" | "initials" | "original title" | "extra word" | "prefix" | "diacritics" | "isbn" | "exact" | "author";

/** A query and the title (as the catalogue stores it, series moved to the subtitle) it should bring in the first three. */
export type QualityQuery = { kind: QueryKind; q: string; expected: string };

const q = (kind: QueryKind, pairs: [query: string, expected: string][]): QualityQuery[] => pairs.map(([query, expected]) => ({ kind, q: query, expected }));

export const QUALITY_QUERIES: QualityQuery[] = [
  ...q("typo", [
    ["hary poter", "Harry Potter and the Sorcerer's Stone"],
    ["tolkein", "The Hobbit"],
    ["hunger gams", "The Hunger Games"],
    ["great gatsbi", "The Great Gatsby"],
    ["pride and predjudice", "Pride and Prejudice"],
    ["to kill a mokingbird", "To Kill a Mockingbird"],
    ["the catcher in the ry", "The Catcher in the Rye"],
    ["girl with the dragon tatoo", "The Girl with the Dragon Tattoo"],
    ["twilite", "Twilight"],
    ["divergant", "Divergent"],
    ["the hobit", "The Hobbit"],
    ["fahrenheit 415", "Fahrenheit 451"],
    ["farenheit 451", "Fahrenheit 451"],
    ["lord of the flys", "Lord of the Flies"],
    ["the kite runer", "The Kite Runner"],
    ["memoirs of a giesha", "Memoirs of a Geisha"],
    ["the alchemest", "The Alchemist"],
    ["jane eyer", "Jane Eyre"],
    ["wuthering hieghts", "Wuthering Heights"],
    ["the book theif", "The Book Thief"],
    ["mockingjay hunger games", "Mockingjay"],
    ["brave new wrld", "Brave New World"],
    ["stephanie meyer twilight", "Twilight"],
    ["hemmingway old man and the sea", "The Old Man and the Sea"],
    ["the fault in are stars", "The Fault in Our Stars"],
    ["clockwork angle", "Clockwork Angel"],
    ["jurrasic park", "Jurassic Park"],
    ["tuesdays with mory", "Tuesdays with Morrie"],
    ["game of throns", "A Game of Thrones"],
    ["siddartha", "Siddhartha"],
    ["atlas shruged", "Atlas Shrugged"],
    ["november nine", "November 9"],
    ["tales of a 4th grade nothing", "Tales of a Fourth Grade Nothing"],
  ]),
  ...q("run-together", [
    ["davinci code", "The Da Vinci Code"],
    ["harrypotter", "Harry Potter and the Sorcerer's Stone"],
    ["hungergames", "The Hunger Games"],
    ["gone girl flynn", "Gone Girl"],
    ["lifeofpi", "Life of Pi"],
    ["animalfarm", "Animal Farm"],
    ["good night moon", "Goodnight Moon"],
    ["goodnightmoon", "Goodnight Moon"],
  ]),
  ...q("punctuation", [
    ["cuckoos nest", "One Flew Over the Cuckoo's Nest"],
    ["hitchhikers guide to the galaxy", "The Hitchhiker's Guide to the Galaxy"],
    ["angels and demons", "Angels & Demons"],
    ["guernsey literary & potato peel pie society", "The Guernsey Literary and Potato Peel Pie Society"],
    ["sarahs key", "Sarah's Key"],
    ["cats cradle vonnegut", "Cat's Cradle"],
    ["dr jekyll and mr hyde", "The Strange Case of Dr. Jekyll and Mr. Hyde"],
    ["winnie the pooh", "Winnie-the-Pooh"],
    ["ptolemys gate", "Ptolemy's Gate"],
    ["master & margarita", "The Master and Margarita"],
  ]),
  ...q("initials", [

    ["jrr tolkien", "The Hobbit"],
    ["jk rowling", "Harry Potter and the Sorcerer's Stone"],
    ["cs lewis", "The Lion, the Witch, and the Wardrobe"],
    ["j.k. rowling", "Harry Potter and the Sorcerer's Stone"],
    ["f scott fitzgerald", "The Great Gatsby"],
    ["george rr martin", "A Game of Thrones"],
    ["jd salinger", "The Catcher in the Rye"],
    ["el james", "Fifty Shades of Grey"],
    ["cs lewis narnia", "The Chronicles of Narnia"],
    ["se hinton outsiders", "The Outsiders"],
    ["philip k dick androids", "Do Androids Dream of Electric Sheep?"],
    ["vc andrews", "Flowers in the Attic"],
  ]),
  ...q("original title", [
    ["philosopher's stone", "Harry Potter and the Sorcerer's Stone"],
    ["harry potter and the philosopher's stone", "Harry Potter and the Sorcerer's Stone"],
    ["nineteen eighty-four", "1984"],
    ["nineteen eighty four", "1984"],
    ["o alquimista", "The Alchemist"],
    ["het achterhuis", "The Diary of a Young Girl"],
    ["man som hatar kvinnor", "The Girl with the Dragon Tattoo"],
    ["the hobbit or there and back again", "The Hobbit"],
    ["die verwandlung", "The Metamorphosis"],
    ["la sombra del viento", "The Shadow of the Wind"],
    ["im westen nichts neues", "All Quiet on the Western Front"],
    ["elle s'appelait sarah", "Sarah's Key"],
    ["veronika decide morrer", "Veronika Decides to Die"],
    ["balzac et la petite tailleuse chinoise", "Balzac and the Little Chinese Seamstress"],
  ]),
  ...q("extra word", [
    ["harry potter and the philosophers stone", "Harry Potter and the Sorcerer's Stone"],
    ["the hunger games book", "The Hunger Games"],
    ["the great gatsby novel", "The Great Gatsby"],
    ["orwell 1984 novel", "1984"],
    ["pride and prejudice jane austen", "Pride and Prejudice"],
    ["the da vinci code dan brown", "The Da Vinci Code"],
    ["to kill a mockingbird harper lee", "To Kill a Mockingbird"],
    ["steinbeck east of eden", "East of Eden"],
    ["isaac asimov foundation", "Foundation"],
  ]),
  ...q("prefix", [
    ["the hunger ga", "The Hunger Games"],
    ["harry potter and the sorc", "Harry Potter and the Sorcerer's Stone"],
    ["to kill a mock", "To Kill a Mockingbird"],
    ["the great gat", "The Great Gatsby"],
    ["pride and prej", "Pride and Prejudice"],
    ["the fault in our st", "The Fault in Our Stars"],
    ["catching fi", "Catching Fire"],
    ["the da vinci co", "The Da Vinci Code"],
    ["lord of the fl", "Lord of the Flies"],
    ["the kite ru", "The Kite Runner"],
    ["mockingj", "Mockingjay"],
    ["the book thi", "The Book Thief"],
  ]),
  ...q("diacritics", [
    ["bronte jane eyre", "Jane Eyre"],
    ["brontë wuthering heights", "Wuthering Heights"],
    ["garcia marquez solitude", "One Hundred Years of Solitude"],
    ["gabriel garcía márquez", "One Hundred Years of Solitude"],
    ["les miserables", "Les Misérables"],
    ["les misérables", "Les Misérables"],
    ["saint-exupery little prince", "The Little Prince"],
    ["zafon shadow of the wind", "The Shadow of the Wind"],
    ["suskind perfume", "Perfume: The Story of a Murderer"],
    ["deja dead", "Déjà Dead"],
    ["shogun clavell", "Shōgun"],
    ["my antonia", "My Ántonia"],
    ["carlos ruiz zafon", "The Shadow of the Wind"],
  ]),
  ...q("isbn", [
    ["9780439023481", "The Hunger Games"],
    ["0-439-02348-3", "The Hunger Games"],
    ["0439554934", "Harry Potter and the Sorcerer's Stone"],
    ["978-0-439-55493-0", "Harry Potter and the Sorcerer's Stone"],
    ["0061120081", "To Kill a Mockingbird"],
    ["9780743273565", "The Great Gatsby"],
    ["0618260307", "The Hobbit"],
    ["978 0 679 78326 8", "Pride and Prejudice"],
  ]),
  ...q("exact", [
    ["hunger games", "The Hunger Games"],
    ["the hunger games", "The Hunger Games"],
    ["twilight", "Twilight"],
    ["to kill a mockingbird", "To Kill a Mockingbird"],
    ["the great gatsby", "The Great Gatsby"],
    ["the fault in our stars", "The Fault in Our Stars"],
    ["the hobbit", "The Hobbit"],
    ["pride and prejudice", "Pride and Prejudice"],
    ["1984", "1984"],
    ["animal farm", "Animal Farm"],
    ["the da vinci code", "The Da Vinci Code"],
    ["catching fire", "Catching Fire"],
    ["gone girl", "Gone Girl"],
    ["the help", "The Help"],
    ["of mice and men", "Of Mice and Men"],
    ["the giver", "The Giver"],
    ["life of pi", "Life of Pi"],
    ["the book thief", "The Book Thief"],
    ["brave new world", "Brave New World"],
    ["fahrenheit 451", "Fahrenheit 451"],
  ]),
  ...q("author", [
    ["rowling", "Harry Potter and the Sorcerer's Stone"],
    ["suzanne collins", "The Hunger Games"],
    ["tolkien", "The Hobbit"],
    ["stephenie meyer", "Twilight"],
    ["harper lee", "To Kill a Mockingbird"],
    ["fitzgerald", "The Great Gatsby"],
    ["john green", "The Fault in Our Stars"],
    ["salinger", "The Catcher in the Rye"],
    ["dan brown", "Angels & Demons"],
    ["jane austen", "Pride and Prejudice"],
    ["orwell", "1984"],
    ["hosseini", "The Kite Runner"],
    ["veronica roth", "Divergent"],
    ["markus zusak", "The Book Thief"],
    ["lois lowry", "The Giver"],
  ]),
];

/** The share of the set's queries (all, and per kind) whose book came in the first three results, and the timings. */
export type QualityReport = {
  found: number;
  total: number;
  share: number;
  byKind: Record<string, { found: number; total: number; share: number }>;
  misses: { kind: QueryKind; q: string; expected: string; got: string[] }[];
  timesMs: number[];
};

/** Runs every query through `search` (the first titles it returns, best first) and scores it. */
export async function runQualityQueries(search: (q: string) => Promise<string[]>, queries = QUALITY_QUERIES): Promise<QualityReport> {
  const byKind: QualityReport["byKind"] = {};
  const misses: QualityReport["misses"] = [];
  const timesMs: number[] = [];
  let found = 0;
  for (const query of queries) {
    const started = performance.now();
    const titles = await search(query.q);
    timesMs.push(performance.now() - started);
    const hit = titles.slice(0, 3).includes(query.expected);
    const kind = (byKind[query.kind] ??= { found: 0, total: 0, share: 0 });
    kind.total += 1;
    if (hit) {
      kind.found += 1;
      found += 1;
    } else misses.push({ ...query, got: titles.slice(0, 3) });
  }
  for (const kind of Object.values(byKind)) kind.share = kind.found / kind.total;
  return { found, total: queries.length, share: found / queries.length, byKind, misses, timesMs };
}
