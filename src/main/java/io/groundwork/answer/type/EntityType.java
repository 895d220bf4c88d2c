package io.groundwork.answer.type;

/** Kinds of entity that {@link EntityRecognizer} finds in a sentence. */
public enum EntityType {
  /** A person's name: "Tomas Ferreira". */
  PERSON,
  /** A role or job title: "Chief Financial Officer", "the Finance Director", "CFO". */
  ROLE,
  /** A group of people named by what they are: "employees", "contractors", "new joiners". */
  PEOPLE,
  /** A number or a percentage: "412", "99.95 percent", "three". */
  NUMBER,
  /** A percentage or an amount per unit: "8 percent", "45p per mile", "EUR 160 a night". */
  RATE,
  /** An amount of money with its currency: "GBP 1,200", "£40", "EUR 45", "GBP 9,750k". */
  MONEY,
  /** An amount of time: "18 months", "30 working days", "every 4 years", "weekly". */
  DURATION,
  /** A date, day or time: "20 June 2025", "09:30", "Tuesday", "Day 22", "2014". */
  DATE_TIME,
  /** A telephone number or extension: "+44 20 7946 0319", "0800 046 1188", "extension 4357". */
  PHONE,
  /** An email address: "phish@larkspur.example". */
  EMAIL,
  /** A web address: "https://reset.larkspur.example", "servicedesk.larkspur.example". */
  URL,
  /** A place: "Bishopgate Street", "3rd floor", "Leeds", "Rua do Alecrim 42". */
  PLACE,
  /** A named organisation: "Kestrel Offensive Security", "Blackfell Cyber", "Acme Ltd". */
  ORGANISATION
}
