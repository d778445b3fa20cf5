/**
 * Types for the parts of `natural` the FAQ imports by file. Importing the package root
 * loads every feature (databases, dotenv, which prints to stdout) and takes a second;
 * the stemmer and stop-word files alone load in milliseconds and print nothing.
 */
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module "natural/lib/natural/util/stopwords.js" {
  const english: { words: string[] };
  export default english;
}

declare module "natural/lib/natural/util/stopwords_zh.js" {
  const chinese: { words: string[] };
  export default chinese;
}
