/**
 * A space's settings as one table: the database schema, the API's validation
 * (and its messages) and the admin page's form all read their bounds and
 * choices from here, so the page can never offer a value the API refuses.
 */

export const MEETUP_HOSTS = ["anyone", "members", "admins"] as const;
export const DESK_POLICIES = ["anyone", "admins"] as const;
/** Who may become a member: anyone with an account (open) or only someone holding an invite link. */
export const JOIN_POLICIES = ["open", "invite"] as const;

export type MeetupHosts = (typeof MEETUP_HOSTS)[number];
export type DeskPolicy = (typeof DESK_POLICIES)[number];
export type JoinPolicy = (typeof JOIN_POLICIES)[number];

export interface SpaceSettings {
  hearingRadiusTiles: number;
  leaveRadiusTiles: number;
  maxConversationSize: number;
  guestAccess: boolean;
  joinPolicy: JoinPolicy;
  meetupHosts: MeetupHosts;
  deskPolicy: DeskPolicy;
}

export const DEFAULT_SPACE_SETTINGS: Readonly<SpaceSettings> = {
  hearingRadiusTiles: 3,
  leaveRadiusTiles: 4.5,
  maxConversationSize: 6,
  guestAccess: true,
  joinPolicy: "open",
  meetupHosts: "members",
  deskPolicy: "anyone",
};

export interface NumberSetting {
  kind: "number";
  label: string;
  min: number;
  max: number;
  /** Whole numbers only (a person count), else steps of a half tile. */
  integer: boolean;
  unit: string;
}
export interface ChoiceSetting {
  kind: "choice";
  label: string;
  choices: readonly string[];
  /** What each choice means, as the admin page words it. */
  choiceLabels: Record<string, string>;
}
export interface BooleanSetting {
  kind: "boolean";
  label: string;
}

export const SETTING_FIELDS = {
  hearingRadiusTiles: { kind: "number", label: "Conversations start within", min: 1, max: 10, integer: false, unit: "tiles" },
  leaveRadiusTiles: { kind: "number", label: "Conversations end beyond", min: 1, max: 15, integer: false, unit: "tiles" },
  maxConversationSize: { kind: "number", label: "Largest conversation", min: 2, max: 12, integer: true, unit: "people" },
  guestAccess: { kind: "boolean", label: "Admit guests (people without an account)" },
  joinPolicy: {
    kind: "choice",
    label: "Who may join",
    choices: JOIN_POLICIES,
    choiceLabels: { open: "Anyone with an account", invite: "Only people with an invite link" },
  },
  meetupHosts: {
    kind: "choice",
    label: "Who may schedule meetups",
    choices: MEETUP_HOSTS,
    choiceLabels: { anyone: "Anyone", members: "Members and above", admins: "Admins and owners" },
  },
  deskPolicy: {
    kind: "choice",
    label: "Who may claim a desk",
    choices: DESK_POLICIES,
    choiceLabels: { anyone: "Anyone", admins: "Admins and owners" },
  },
} as const satisfies Record<keyof SpaceSettings, NumberSetting | ChoiceSetting | BooleanSetting>;

/** The messages the API answers with; the admin page shows these same words. */
export const settingMessages = {
  notNumber: "must be a number",
  notWhole: "must be a whole number",
  below: (min: number, unit: string) => `must be at least ${min} ${min === 1 ? unit.replace(/s$/, "") : unit}`,
  above: (max: number, unit: string) => `must be at most ${max} ${max === 1 ? unit.replace(/s$/, "") : unit}`,
  notChoice: (choices: readonly string[]) => `must be one of ${choices.join(", ")}`,
  notBoolean: "must be true or false",
  leaveBelowHearing: "must be at least hearingRadiusTiles, so conversations do not flicker",
};
