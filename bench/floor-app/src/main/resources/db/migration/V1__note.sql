create sequence note_seq increment by 50;
create table note (id bigint primary key, text text not null);
